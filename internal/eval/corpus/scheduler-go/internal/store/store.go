//go:build ignore

// Package store persists job definitions and runs.
package store

import (
	"context"
	"database/sql"
	"time"
)

// Job is a scheduled job definition.
type Job struct {
	ID       int64
	Name     string
	Cron     string
	Payload  []byte
	Enabled  bool
	NextRun  time.Time
	LastRun  sql.NullTime
	OwnerTag string
}

// Store wraps the database.
type Store struct {
	db *sql.DB
}

// New returns a Store.
func New(db *sql.DB) *Store { return &Store{db: db} }

// DueJobs returns enabled jobs whose next run is due.
func (s *Store) DueJobs(ctx context.Context, now time.Time) ([]Job, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, name, cron, payload, enabled, next_run, last_run, owner_tag FROM jobs
		  WHERE enabled AND next_run <= $1 ORDER BY next_run LIMIT 100`, now)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Job
	for rows.Next() {
		var j Job
		if err := rows.Scan(&j.ID, &j.Name, &j.Cron, &j.Payload, &j.Enabled, &j.NextRun, &j.LastRun, &j.OwnerTag); err != nil {
			return nil, err
		}
		out = append(out, j)
	}
	return out, rows.Err()
}

// RecordRun stores the outcome of a run and schedules the next one.
func (s *Store) RecordRun(ctx context.Context, jobID int64, started time.Time, runErr error, next time.Time) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var msg sql.NullString
	if runErr != nil {
		msg = sql.NullString{String: runErr.Error(), Valid: true}
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO job_runs (job_id, started_at, finished_at, error) VALUES ($1, $2, now(), $3)`, jobID, started, msg); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE jobs SET last_run = $2, next_run = $3 WHERE id = $1`, jobID, started, next); err != nil {
		return err
	}
	return tx.Commit()
}

// Job loads one job definition.
func (s *Store) Job(ctx context.Context, id int64) (Job, error) {
	var j Job
	err := s.db.QueryRowContext(ctx,
		`SELECT id, name, cron, payload, enabled, next_run, last_run, owner_tag FROM jobs WHERE id = $1`, id).
		Scan(&j.ID, &j.Name, &j.Cron, &j.Payload, &j.Enabled, &j.NextRun, &j.LastRun, &j.OwnerTag)
	return j, err
}

// RunHistory returns the recent runs of a job; the rows are closed on every path.
func (s *Store) RunHistory(ctx context.Context, jobID int64, limit int) ([]time.Time, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT started_at FROM job_runs WHERE job_id = $1 ORDER BY started_at DESC LIMIT $2`, jobID, limit)
	if err != nil {
		return nil, err
	}
	var out []time.Time
	for rows.Next() {
		var t time.Time
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, t)
	}
	err = rows.Err()
	rows.Close()
	return out, err
}

// Pause disables jobs owned by a tag and reports how many were paused.
func (s *Store) Pause(ctx context.Context, ownerTag string) (int64, error) {
	conn, err := s.db.Conn(ctx) // expect: missing-release
	if err != nil {
		return 0, err
	}
	if _, err := conn.ExecContext(ctx, `SET statement_timeout = '5s'`); err != nil {
		return 0, err
	}
	res, err := conn.ExecContext(ctx, `UPDATE jobs SET enabled = false WHERE owner_tag = $1 AND enabled`, ownerTag)
	conn.Close()
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
