package queue

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// CheckRunKey identifies the check run of one review job: installation,
// repository, head SHA and the queue job's ID (stable across attempts; an
// explicit re-run is a new job and so gets a new run).
type CheckRunKey struct {
	InstallationID int64
	RepoID         int64
	HeadSHA        string
	JobID          int64
}

// CheckRunRecord is what the store remembers about one of the App's check
// runs (the fields of review.CheckRunRecord).
type CheckRunRecord struct {
	Key CheckRunKey
	// Owner, Repo and Number locate the run (Number is 0 for merge groups).
	Owner, Repo string
	Number      int
	// CheckRunID is GitHub's ID of the run.
	CheckRunID int64
	// UpdatedAt is when the run was created or last taken up by an attempt
	// (stored with millisecond precision; zero means now).
	UpdatedAt time.Time
	// Completing is set before a completion that takes several requests;
	// Completed once the run is completed on GitHub.
	Completing, Completed bool
}

// CheckRunStore remembers the App's check runs in the queue's database
// (table hotpath_check_runs, on SQLite or PostgreSQL), so a retried,
// rescued or restarted job updates the run it created instead of creating a
// second one, whichever process runs it, and the periodic sweep finds runs
// left in progress. Safe for concurrent use; it shares the queue's
// connection pool and lives as long as the queue.
type CheckRunStore struct {
	db crDB
}

// checkRunsDDL works on SQLite and PostgreSQL. Times are Unix milliseconds.
var checkRunsDDL = []string{
	`CREATE TABLE IF NOT EXISTS hotpath_check_runs (
	installation_id BIGINT NOT NULL,
	repo_id         BIGINT NOT NULL,
	head_sha        TEXT NOT NULL,
	job_id          BIGINT NOT NULL,
	owner           TEXT NOT NULL DEFAULT '',
	repo            TEXT NOT NULL DEFAULT '',
	number          BIGINT NOT NULL DEFAULT 0,
	check_run_id    BIGINT NOT NULL,
	completing      BOOLEAN NOT NULL DEFAULT FALSE,
	completed       BOOLEAN NOT NULL DEFAULT FALSE,
	updated_at      BIGINT NOT NULL,
	PRIMARY KEY (installation_id, repo_id, head_sha, job_id)
)`,
	`CREATE INDEX IF NOT EXISTS hotpath_check_runs_open ON hotpath_check_runs (completed, updated_at)`,
}

// CheckRuns returns the check-run store on the queue's database, creating
// its table if needed (idempotent; safe when several processes start at
// once). Call it once at start-up and keep the store.
func (q *Queue) CheckRuns(ctx context.Context) (*CheckRunStore, error) {
	var db crDB
	switch c := q.b.(type) {
	case *core[*sql.Tx]:
		s, ok := c.conn.(*sqliteConn)
		if !ok {
			return nil, errors.New("queue: check runs: unexpected SQLite connection")
		}
		db = sqliteCR{s.db}
	case *core[pgx.Tx]:
		p, ok := c.conn.(*pgConn)
		if !ok {
			return nil, errors.New("queue: check runs: unexpected PostgreSQL connection")
		}
		db = pgCR{p.pool}
	default:
		return nil, fmt.Errorf("queue: check runs: unsupported backend %T", q.b)
	}
	if err := db.migrate(ctx); err != nil {
		return nil, fmt.Errorf("queue: create hotpath_check_runs: %w", err)
	}
	return &CheckRunStore{db: db}, nil
}

const (
	crColumns = `installation_id, repo_id, head_sha, job_id, owner, repo, number, check_run_id, completing, completed, updated_at`
	crWhere   = `installation_id = ? AND repo_id = ? AND head_sha = ? AND job_id = ?`
)

// Get returns the record for key; ok is false when there is none.
func (s *CheckRunStore) Get(ctx context.Context, key CheckRunKey) (rec CheckRunRecord, ok bool, err error) {
	recs, err := s.db.query(ctx, `SELECT `+crColumns+` FROM hotpath_check_runs WHERE `+crWhere,
		key.InstallationID, key.RepoID, key.HeadSHA, key.JobID)
	if err != nil {
		return CheckRunRecord{}, false, fmt.Errorf("queue: get check run: %w", err)
	}
	if len(recs) == 0 {
		return CheckRunRecord{}, false, nil
	}
	return recs[0], true, nil
}

// Put inserts rec or replaces the record with the same Key.
func (s *CheckRunStore) Put(ctx context.Context, rec CheckRunRecord) error {
	if rec.CheckRunID <= 0 {
		return errors.New("queue: put check run: CheckRunID required")
	}
	if rec.UpdatedAt.IsZero() {
		rec.UpdatedAt = time.Now()
	}
	k := rec.Key
	_, err := s.db.exec(ctx, `INSERT INTO hotpath_check_runs (`+crColumns+`)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (installation_id, repo_id, head_sha, job_id) DO UPDATE SET
	owner = excluded.owner, repo = excluded.repo, number = excluded.number,
	check_run_id = excluded.check_run_id, completing = excluded.completing,
	completed = excluded.completed, updated_at = excluded.updated_at`,
		k.InstallationID, k.RepoID, k.HeadSHA, k.JobID, rec.Owner, rec.Repo, int64(rec.Number),
		rec.CheckRunID, rec.Completing, rec.Completed, rec.UpdatedAt.UnixMilli())
	if err != nil {
		return fmt.Errorf("queue: put check run: %w", err)
	}
	return nil
}

// Complete marks the record for key completed (no error when there is
// none).
func (s *CheckRunStore) Complete(ctx context.Context, key CheckRunKey) error {
	_, err := s.db.exec(ctx, `UPDATE hotpath_check_runs SET completed = TRUE, completing = FALSE WHERE `+crWhere,
		key.InstallationID, key.RepoID, key.HeadSHA, key.JobID)
	if err != nil {
		return fmt.Errorf("queue: complete check run: %w", err)
	}
	return nil
}

// Stale returns up to limit records that are not completed and whose
// UpdatedAt is before updatedBefore, oldest first.
func (s *CheckRunStore) Stale(ctx context.Context, updatedBefore time.Time, limit int) ([]CheckRunRecord, error) {
	if limit <= 0 {
		limit = 100
	}
	recs, err := s.db.query(ctx, `SELECT `+crColumns+` FROM hotpath_check_runs
WHERE completed = FALSE AND updated_at < ? ORDER BY updated_at, check_run_id LIMIT ?`,
		updatedBefore.UnixMilli(), int64(limit))
	if err != nil {
		return nil, fmt.Errorf("queue: stale check runs: %w", err)
	}
	return recs, nil
}

// Prune deletes completed records last updated before cutoff and returns
// how many it deleted.
func (s *CheckRunStore) Prune(ctx context.Context, before time.Time) (int64, error) {
	n, err := s.db.exec(ctx, `DELETE FROM hotpath_check_runs WHERE completed = TRUE AND updated_at < ?`, before.UnixMilli())
	if err != nil {
		return 0, fmt.Errorf("queue: prune check runs: %w", err)
	}
	return n, nil
}

// crDB is the little SQL the store needs, per dialect. Queries use ?
// placeholders.
type crDB interface {
	migrate(ctx context.Context) error
	exec(ctx context.Context, query string, args ...any) (int64, error)
	query(ctx context.Context, query string, args ...any) ([]CheckRunRecord, error)
}

type rowScanner interface{ Scan(dest ...any) error }

// recordRows is what *sql.Rows and pgx.Rows have in common.
type recordRows interface {
	rowScanner
	Next() bool
	Err() error
}

// collectRecords reads every row of a query into records.
func collectRecords(rows recordRows) ([]CheckRunRecord, error) {
	var out []CheckRunRecord
	for rows.Next() {
		rec, err := scanRecord(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, rec)
	}
	return out, rows.Err()
}

func scanRecord(r rowScanner) (CheckRunRecord, error) {
	var rec CheckRunRecord
	var number, updated int64
	k := &rec.Key
	err := r.Scan(&k.InstallationID, &k.RepoID, &k.HeadSHA, &k.JobID, &rec.Owner, &rec.Repo, &number,
		&rec.CheckRunID, &rec.Completing, &rec.Completed, &updated)
	rec.Number = int(number)
	rec.UpdatedAt = time.UnixMilli(updated)
	return rec, err
}

type sqliteCR struct{ db *sql.DB }

func (s sqliteCR) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil) // BEGIN IMMEDIATE: serialised between processes
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, stmt := range checkRunsDDL {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	return tx.Commit()
}

func (s sqliteCR) exec(ctx context.Context, q string, args ...any) (int64, error) {
	res, err := s.db.ExecContext(ctx, q, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func (s sqliteCR) query(ctx context.Context, q string, args ...any) ([]CheckRunRecord, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return collectRecords(rows)
}

type pgCR struct{ pool *pgxpool.Pool }

// checkRunsLockKey serialises the table's creation between processes
// starting at once (CREATE TABLE IF NOT EXISTS can race in PostgreSQL).
const checkRunsLockKey = migrationLockKey + 1

func (p pgCR) migrate(ctx context.Context) error {
	return pgx.BeginFunc(ctx, p.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", int64(checkRunsLockKey)); err != nil {
			return err
		}
		for _, stmt := range checkRunsDDL {
			if _, err := tx.Exec(ctx, stmt); err != nil {
				return err
			}
		}
		return nil
	})
}

func (p pgCR) exec(ctx context.Context, q string, args ...any) (int64, error) {
	tag, err := p.pool.Exec(ctx, dollarPlaceholders(q), args...)
	if err != nil {
		return 0, err
	}
	return tag.RowsAffected(), nil
}

func (p pgCR) query(ctx context.Context, q string, args ...any) ([]CheckRunRecord, error) {
	rows, err := p.pool.Query(ctx, dollarPlaceholders(q), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return collectRecords(rows)
}

// dollarPlaceholders rewrites ? placeholders as $1, $2, ... (the store's
// queries contain no literal question marks).
func dollarPlaceholders(q string) string {
	return (&core[pgx.Tx]{dollar: true}).sql(q)
}
