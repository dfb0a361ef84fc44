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

// CheckRunKey identifies the check run of one review job: a pull request
// head (Number 0 for a merge group), plus Rerun for explicit re-runs (the
// delivery GUID of the re-request, "" for the first run of a head).
type CheckRunKey struct {
	InstallationID int64
	RepoID         int64
	Number         int
	HeadSHA        string
	Rerun          string
}

// CheckRunRecord is what the store remembers about one of the App's check
// runs.
type CheckRunRecord struct {
	CheckRunKey
	Owner, Repo string
	// CheckRunID is GitHub's ID of the run.
	CheckRunID int64
	// JobID is the queue job that created (or last updated) the run.
	JobID int64
	// Status is "queued", "in_progress" or "completed"; Conclusion is set
	// when completed.
	Status     string
	Conclusion string
	// CreatedAt is when the run was first recorded; UpdatedAt when the
	// record last changed (both set by the store).
	CreatedAt, UpdatedAt time.Time
}

// CheckRunStore remembers the App's check runs in the queue's database
// (table hotpath_check_runs, on SQLite or PostgreSQL), so a retried,
// rescued or restarted job updates the run it created instead of creating a
// second one, and the periodic sweep finds runs left in progress. Safe for
// concurrent use; it shares the queue's connection pool and lives as long
// as the queue.
type CheckRunStore struct {
	db crDB
}

// checkRunsDDL works on SQLite and PostgreSQL. Times are Unix milliseconds.
var checkRunsDDL = []string{
	`CREATE TABLE IF NOT EXISTS hotpath_check_runs (
	installation_id BIGINT NOT NULL,
	repo_id         BIGINT NOT NULL,
	number          BIGINT NOT NULL,
	head_sha        TEXT NOT NULL,
	rerun           TEXT NOT NULL DEFAULT '',
	owner           TEXT NOT NULL DEFAULT '',
	repo            TEXT NOT NULL DEFAULT '',
	check_run_id    BIGINT NOT NULL,
	job_id          BIGINT NOT NULL DEFAULT 0,
	status          TEXT NOT NULL,
	conclusion      TEXT NOT NULL DEFAULT '',
	created_at      BIGINT NOT NULL,
	updated_at      BIGINT NOT NULL,
	PRIMARY KEY (installation_id, repo_id, number, head_sha, rerun)
)`,
	`CREATE INDEX IF NOT EXISTS hotpath_check_runs_status_updated ON hotpath_check_runs (status, updated_at)`,
	`CREATE INDEX IF NOT EXISTS hotpath_check_runs_check_run_id ON hotpath_check_runs (check_run_id)`,
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

const crColumns = `installation_id, repo_id, number, head_sha, rerun, owner, repo, check_run_id, job_id, status, conclusion, created_at, updated_at`

// Get returns the record for key; found is false when there is none.
func (s *CheckRunStore) Get(ctx context.Context, key CheckRunKey) (rec CheckRunRecord, found bool, err error) {
	recs, err := s.db.query(ctx, `SELECT `+crColumns+` FROM hotpath_check_runs
WHERE installation_id = ? AND repo_id = ? AND number = ? AND head_sha = ? AND rerun = ?`,
		key.InstallationID, key.RepoID, int64(key.Number), key.HeadSHA, key.Rerun)
	if err != nil {
		return CheckRunRecord{}, false, fmt.Errorf("queue: get check run: %w", err)
	}
	if len(recs) == 0 {
		return CheckRunRecord{}, false, nil
	}
	return recs[0], true, nil
}

// Put records rec (insert or replace by key). CreatedAt of an existing
// record is kept; UpdatedAt is now. An empty Status means "in_progress".
func (s *CheckRunStore) Put(ctx context.Context, rec CheckRunRecord) error {
	if rec.CheckRunID <= 0 {
		return errors.New("queue: put check run: CheckRunID required")
	}
	if rec.Status == "" {
		rec.Status = "in_progress"
	}
	now := time.Now().UnixMilli()
	_, err := s.db.exec(ctx, `INSERT INTO hotpath_check_runs (`+crColumns+`)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (installation_id, repo_id, number, head_sha, rerun) DO UPDATE SET
	owner = excluded.owner, repo = excluded.repo, check_run_id = excluded.check_run_id,
	job_id = excluded.job_id, status = excluded.status, conclusion = excluded.conclusion,
	updated_at = excluded.updated_at`,
		rec.InstallationID, rec.RepoID, int64(rec.Number), rec.HeadSHA, rec.Rerun, rec.Owner, rec.Repo,
		rec.CheckRunID, rec.JobID, rec.Status, rec.Conclusion, now, now)
	if err != nil {
		return fmt.Errorf("queue: put check run: %w", err)
	}
	return nil
}

// Complete marks the run for key completed with conclusion. It reports
// whether a record was found.
func (s *CheckRunStore) Complete(ctx context.Context, key CheckRunKey, conclusion string) (bool, error) {
	n, err := s.db.exec(ctx, `UPDATE hotpath_check_runs SET status = 'completed', conclusion = ?, updated_at = ?
WHERE installation_id = ? AND repo_id = ? AND number = ? AND head_sha = ? AND rerun = ?`,
		conclusion, time.Now().UnixMilli(), key.InstallationID, key.RepoID, int64(key.Number), key.HeadSHA, key.Rerun)
	if err != nil {
		return false, fmt.Errorf("queue: complete check run: %w", err)
	}
	return n > 0, nil
}

// CompleteByID marks every record of a GitHub check run ID completed (the
// sweep knows runs by ID). It returns the number of records changed.
func (s *CheckRunStore) CompleteByID(ctx context.Context, checkRunID int64, conclusion string) (int64, error) {
	n, err := s.db.exec(ctx, `UPDATE hotpath_check_runs SET status = 'completed', conclusion = ?, updated_at = ?
WHERE check_run_id = ? AND status <> 'completed'`, conclusion, time.Now().UnixMilli(), checkRunID)
	if err != nil {
		return 0, fmt.Errorf("queue: complete check run: %w", err)
	}
	return n, nil
}

// Delete forgets the record for key.
func (s *CheckRunStore) Delete(ctx context.Context, key CheckRunKey) error {
	_, err := s.db.exec(ctx, `DELETE FROM hotpath_check_runs
WHERE installation_id = ? AND repo_id = ? AND number = ? AND head_sha = ? AND rerun = ?`,
		key.InstallationID, key.RepoID, int64(key.Number), key.HeadSHA, key.Rerun)
	if err != nil {
		return fmt.Errorf("queue: delete check run: %w", err)
	}
	return nil
}

// Stale returns up to limit records not completed and not updated since
// before, oldest first: runs whose job died or was lost.
func (s *CheckRunStore) Stale(ctx context.Context, before time.Time, limit int) ([]CheckRunRecord, error) {
	if limit <= 0 {
		limit = 100
	}
	recs, err := s.db.query(ctx, `SELECT `+crColumns+` FROM hotpath_check_runs
WHERE status <> 'completed' AND updated_at < ? ORDER BY updated_at, check_run_id LIMIT ?`,
		before.UnixMilli(), int64(limit))
	if err != nil {
		return nil, fmt.Errorf("queue: stale check runs: %w", err)
	}
	return recs, nil
}

// Prune deletes completed records last updated before cutoff and returns
// how many it deleted.
func (s *CheckRunStore) Prune(ctx context.Context, before time.Time) (int64, error) {
	n, err := s.db.exec(ctx, `DELETE FROM hotpath_check_runs WHERE status = 'completed' AND updated_at < ?`, before.UnixMilli())
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

func scanRecord(r rowScanner) (CheckRunRecord, error) {
	var rec CheckRunRecord
	var number, created, updated int64
	err := r.Scan(&rec.InstallationID, &rec.RepoID, &number, &rec.HeadSHA, &rec.Rerun, &rec.Owner, &rec.Repo,
		&rec.CheckRunID, &rec.JobID, &rec.Status, &rec.Conclusion, &created, &updated)
	rec.Number = int(number)
	rec.CreatedAt, rec.UpdatedAt = time.UnixMilli(created), time.UnixMilli(updated)
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

// dollarPlaceholders rewrites ? placeholders as $1, $2, ... (the store's
// queries contain no literal question marks).
func dollarPlaceholders(q string) string {
	return (&core[pgx.Tx]{dollar: true}).sql(q)
}
