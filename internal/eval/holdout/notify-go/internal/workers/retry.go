//go:build ignore

package workers

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"math/rand/v2"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// isRetryable reports whether a Postgres error is worth retrying.
func isRetryable(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code == "40001" || pgErr.Code == "40P01" || pgErr.Code == "55P03"
	}
	return errors.Is(err, sql.ErrConnDone)
}

// ExpireStale marks notifications older than ttl as expired. A serialisation
// failure is retried up to five times with jittered backoff.
func ExpireStale(ctx context.Context, db *sql.DB, log *slog.Logger, ttl time.Duration) (int64, error) {
	var lastErr error
	for attempt := 0; attempt < 5; attempt++ {
		res, err := db.ExecContext(ctx, `UPDATE notifications SET status = 'expired'
			WHERE status = 'pending' AND created_at < now() - $1::interval`, ttl.String())
		if err == nil {
			return res.RowsAffected()
		}
		if !isRetryable(err) {
			return 0, err
		}
		lastErr = err
		backoff := time.Duration(50*(1<<attempt)+rand.IntN(50)) * time.Millisecond
		log.WarnContext(ctx, "expire stale: retrying", "attempt", attempt+1, "backoff", backoff, "err", err)
		time.Sleep(backoff)
	}
	return 0, lastErr
}

// PurgeRead deletes read notifications in chunks of 5,000 until none are left.
func PurgeRead(ctx context.Context, db *sql.DB, olderThan time.Duration) (int64, error) {
	var total int64
	for {
		res, err := db.ExecContext(ctx, `DELETE FROM notifications WHERE id IN (
			SELECT id FROM notifications WHERE read_at < now() - $1::interval LIMIT 5000)`, olderThan.String())
		if err != nil {
			return total, err
		}
		n, _ := res.RowsAffected()
		total += n
		if n < 5000 {
			return total, nil
		}
	}
}
