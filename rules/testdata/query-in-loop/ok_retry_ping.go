package db

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Open retries the first ping with backoff: a bounded retry of one call.
func Open(ctx context.Context, dsn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	backoff := 100 * time.Millisecond
	for attempt := 0; attempt < 5; attempt++ {
		if err = db.PingContext(ctx); err == nil {
			return db, nil
		}
		time.Sleep(backoff)
		backoff *= 2
	}
	return nil, err
}

var errConflict = errors.New("serialization failure")

// withRetry re-runs one statement on a serialization failure.
func withRetry(ctx context.Context, db *sql.DB, maxRetries int, q string, args ...any) error {
	var err error
	for i := 0; i < maxRetries; i++ {
		_, err = db.ExecContext(ctx, q, args...)
		if !errors.Is(err, errConflict) {
			return err
		}
		time.Sleep(time.Duration(i+1) * 50 * time.Millisecond)
	}
	return err
}

// waitReady polls until a row appears.
func waitReady(ctx context.Context, db *sql.DB, id int64) error {
	for {
		var ready bool
		err := db.QueryRowContext(ctx, "SELECT ready FROM exports WHERE id = $1", id).Scan(&ready)
		if err != nil || ready {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}
