package queue

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
)

// migrationLockKey is the advisory lock that serialises start-up migrations
// of several hotpath processes ("hotpath" in ASCII, 0x686f7470617468).
const migrationLockKey = 29395943470232680

func openPostgres(ctx context.Context, databaseURL string, q *Queue) (backend, error) {
	cfg, err := pgxpool.ParseConfig(databaseURL)
	if err != nil {
		return nil, fmt.Errorf("queue: PostgreSQL URL %s: %w", redactURL(databaseURL), err)
	}
	schema := q.opts.Schema
	if schema != "" {
		cfg.ConnConfig.RuntimeParams["search_path"] = schema
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("queue: connect PostgreSQL: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("queue: connect PostgreSQL %s: %w", redactURL(databaseURL), err)
	}
	if schema != "" {
		if _, err := pool.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+pgx.Identifier{schema}.Sanitize()); err != nil {
			pool.Close()
			return nil, fmt.Errorf("queue: create schema: %w", err)
		}
	}
	driver := riverpgxv5.New(pool)
	c := &core[pgx.Tx]{conn: &pgConn{pool: pool}, dollar: true}
	if err := migrateLocked(ctx, pool, c, driver, schema, q); err != nil {
		pool.Close()
		return nil, err
	}
	rcfg := q.riverConfig()
	rcfg.Schema = schema
	c.client, err = river.NewClient(driver, rcfg)
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("queue: river client: %w", err)
	}
	return c, nil
}

type pgConn struct{ pool *pgxpool.Pool }

func (p *pgConn) begin(ctx context.Context) (pgx.Tx, error)   { return p.pool.Begin(ctx) }
func (p *pgConn) commit(ctx context.Context, tx pgx.Tx) error { return tx.Commit(ctx) }
func (p *pgConn) ping(ctx context.Context) error              { return p.pool.Ping(ctx) }
func (p *pgConn) close() error                                { p.pool.Close(); return nil }
func (p *pgConn) rollback(ctx context.Context, tx pgx.Tx) error {
	if err := tx.Rollback(ctx); err != nil && !errors.Is(err, pgx.ErrTxClosed) {
		return err
	}
	return nil
}

func (p *pgConn) execTx(ctx context.Context, tx pgx.Tx, q string, args ...any) (int64, error) {
	tag, err := tx.Exec(ctx, q, args...)
	if err != nil {
		return 0, err
	}
	return tag.RowsAffected(), nil
}

func (p *pgConn) exec(ctx context.Context, q string, args ...any) (int64, error) {
	tag, err := p.pool.Exec(ctx, q, args...)
	if err != nil {
		return 0, err
	}
	return tag.RowsAffected(), nil
}

func (p *pgConn) queryInt(ctx context.Context, q string, args ...any) (int64, error) {
	var n int64
	err := p.pool.QueryRow(ctx, q, args...).Scan(&n)
	return n, err
}

// migrateLocked runs migrate while holding a session advisory lock on a
// dedicated connection, so concurrent start-ups (serve and worker) take
// turns.
func migrateLocked(ctx context.Context, pool *pgxpool.Pool, c *core[pgx.Tx], driver *riverpgxv5.Driver, schema string, q *Queue) error {
	lockConn, err := pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("queue: migration lock: %w", err)
	}
	defer lockConn.Release()
	if _, err := lockConn.Exec(ctx, "SELECT pg_advisory_lock($1)", int64(migrationLockKey)); err != nil {
		return fmt.Errorf("queue: migration lock: %w", err)
	}
	defer func() {
		uctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if _, err := lockConn.Exec(uctx, "SELECT pg_advisory_unlock($1)", int64(migrationLockKey)); err != nil {
			lockConn.Conn().Close(uctx) // closing the session releases the lock
		}
	}()
	return migrate(ctx, c, driver, schema, false, q)
}
