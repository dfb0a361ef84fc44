package locks

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
)

type Locker struct {
	db *sql.DB
}

// Acquire hands the connection holding the lock to the caller, but the
// error path of the lock query leaves it checked out of the pool.
func (l *Locker) Acquire(ctx context.Context, name string) (*sql.Conn, error) {
	conn, err := l.db.Conn(ctx) // want "missing-release: conn from l.db.Conn is not closed on the return at line 23"
	if err != nil {
		return nil, err
	}
	var got bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock(hashtext($1))`, name).Scan(&got); err != nil {
		return nil, err
	}
	if !got {
		conn.Close()
		return nil, errors.New("lock busy")
	}
	return conn, nil
}

// Open returns the response to the caller except on a bad status, where
// the body is dropped unclosed.
func Open(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.Do(req) // want "missing-release: resp.Body from c.Do is not closed on the return at line 44"
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 500 {
		return nil, errors.New(resp.Status)
	}
	return resp, nil
}
