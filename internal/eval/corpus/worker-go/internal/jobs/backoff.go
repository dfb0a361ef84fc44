//go:build ignore

package jobs

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// isRetryable reports whether a Postgres error is a transient conflict.
func isRetryable(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && (pgErr.Code == "40001" || pgErr.Code == "40P01")
}

// ClaimNextJob locks one queued job, retrying serialization failures with backoff.
func (r *Runner) ClaimNextJob(ctx context.Context, queue string) (int64, error) {
	var id int64
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		err = r.pool.QueryRow(ctx,
			`UPDATE queued_jobs SET claimed_at = now()
			  WHERE id = (SELECT id FROM queued_jobs WHERE queue = $1 AND claimed_at IS NULL
			              ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
			  RETURNING id`, queue).Scan(&id)
		if err == nil || !isRetryable(err) {
			return id, err
		}
		time.Sleep(time.Duration(25<<attempt) * time.Millisecond)
	}
	return 0, err
}
