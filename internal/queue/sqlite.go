package queue

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"

	_ "modernc.org/sqlite" // database/sql driver "sqlite"
)

func isPostgres(databaseURL string) bool {
	return strings.HasPrefix(databaseURL, "postgres://") || strings.HasPrefix(databaseURL, "postgresql://")
}

// sqlitePath returns the file path named by an empty URL, sqlite://PATH,
// sqlite:PATH, file:PATH or a plain path.
func sqlitePath(databaseURL string) (string, error) {
	p := databaseURL
	switch {
	case p == "":
		return DefaultDatabaseFile, nil
	case strings.HasPrefix(p, "sqlite://"):
		p = strings.TrimPrefix(p, "sqlite://")
	case strings.HasPrefix(p, "sqlite:"):
		p = strings.TrimPrefix(p, "sqlite:")
	case strings.HasPrefix(p, "file:"):
		p = strings.TrimPrefix(p, "file:")
	case strings.Contains(p, "://"):
		return "", fmt.Errorf("unsupported database URL scheme in %q (want sqlite:// or postgres://)", redactURL(databaseURL))
	}
	if p == "" {
		return "", errors.New("empty SQLite path")
	}
	if strings.ContainsAny(p, "?#") {
		return "", fmt.Errorf("SQLite path %q must not contain ? or #", p)
	}
	return p, nil
}

// redactURL hides a password in a database URL for error messages.
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "<unparseable URL>"
	}
	return u.Redacted()
}

func openSQLite(ctx context.Context, databaseURL string, q *Queue) (backend, error) {
	path, err := sqlitePath(databaseURL)
	if err != nil {
		return nil, fmt.Errorf("queue: %w", err)
	}
	if path != ":memory:" {
		if dir := filepath.Dir(path); dir != "" {
			if st, err := os.Stat(dir); err != nil || !st.IsDir() {
				return nil, fmt.Errorf("queue: SQLite directory %q does not exist", dir)
			}
		}
	}
	// WAL lets readers in other processes (hotpath worker) proceed during
	// writes; synchronous=NORMAL is the WAL recommendation (durable across
	// process crashes); BEGIN IMMEDIATE and busy_timeout make concurrent
	// writers from several processes wait instead of failing.
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("queue: open SQLite %s: %w", path, err)
	}
	// River: "set the maximum pool size to one connection" to avoid
	// SQLITE_BUSY between its own concurrent operations.
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("queue: open SQLite %s: %w", path, err)
	}
	conn := &sqliteConn{db: db}
	driver := riversqlite.New(db)
	c := &core[*sql.Tx]{conn: conn, gate: make(chan struct{}, 1)}
	if err := migrate(ctx, c, driver, "", true, q); err != nil {
		db.Close()
		return nil, err
	}
	cfg := q.riverConfig()
	cfg.Schema = "" // a schema is an attached database in SQLite
	c.client, err = river.NewClient(driver, cfg)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("queue: river client: %w", err)
	}
	return c, nil
}

// migrate runs River's migrations and creates hotpath's table. With oneTx
// (SQLite) everything runs in one transaction, which BEGIN IMMEDIATE
// serialises between processes. Otherwise (PostgreSQL, where some River
// migrations cannot share a transaction) the caller serialises processes
// with a lock and River applies each migration in its own transaction.
func migrate[TTx any](ctx context.Context, c *core[TTx], driver riverdriver.Driver[TTx], schema string, oneTx bool, q *Queue) error {
	migrator, err := rivermigrate.New(driver, &rivermigrate.Config{Logger: riverLogger(q.log), Schema: schema})
	if err != nil {
		return fmt.Errorf("queue: migrator: %w", err)
	}
	createTable := func(exec func(string) error) error {
		for _, stmt := range deliveriesDDL {
			if err := exec(stmt); err != nil {
				return fmt.Errorf("create hotpath_deliveries: %w", err)
			}
		}
		return nil
	}
	if oneTx {
		err = c.inTx(ctx, func(tx TTx) error {
			if _, err := migrator.MigrateTx(ctx, tx, rivermigrate.DirectionUp, nil); err != nil {
				return fmt.Errorf("river migrations: %w", err)
			}
			return createTable(func(stmt string) error { _, err := c.conn.execTx(ctx, tx, stmt); return err })
		})
	} else {
		if _, err = migrator.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
			err = fmt.Errorf("river migrations: %w", err)
		} else {
			err = createTable(func(stmt string) error { _, err := c.conn.exec(ctx, stmt); return err })
		}
	}
	if err != nil {
		return fmt.Errorf("queue: migrate: %w", err)
	}
	return nil
}

type sqliteConn struct{ db *sql.DB }

func (s *sqliteConn) begin(ctx context.Context) (*sql.Tx, error)   { return s.db.BeginTx(ctx, nil) }
func (s *sqliteConn) commit(_ context.Context, tx *sql.Tx) error   { return tx.Commit() }
func (s *sqliteConn) rollback(_ context.Context, tx *sql.Tx) error { return ignoreDone(tx.Rollback()) }
func (s *sqliteConn) ping(ctx context.Context) error               { return s.db.PingContext(ctx) }
func (s *sqliteConn) close() error                                 { return s.db.Close() }
func (s *sqliteConn) execTx(ctx context.Context, tx *sql.Tx, q string, args ...any) (int64, error) {
	res, err := tx.ExecContext(ctx, q, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func (s *sqliteConn) exec(ctx context.Context, q string, args ...any) (int64, error) {
	res, err := s.db.ExecContext(ctx, q, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func (s *sqliteConn) queryInt(ctx context.Context, q string, args ...any) (int64, error) {
	var n int64
	err := s.db.QueryRowContext(ctx, q, args...).Scan(&n)
	return n, err
}

func ignoreDone(err error) error {
	if errors.Is(err, sql.ErrTxDone) {
		return nil
	}
	return err
}
