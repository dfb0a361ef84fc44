package audit

import (
	"context"
	"database/sql"
)

type Log struct {
	db *sql.DB
}

// Prepare on the pool returns a statement that holds server resources on
// every connection it was prepared on until it is closed.
func (l *Log) WriteAll(ctx context.Context, events []string) error {
	stmt, err := l.db.PrepareContext(ctx, `INSERT INTO audit_log (event) VALUES ($1)`) // want "missing-release: stmt from l.db.PrepareContext is never closed \\(add defer stmt.Close\\(\\) after the error check\\)"
	if err != nil {
		return err
	}
	for _, e := range events {
		if _, err := stmt.ExecContext(ctx, e); err != nil {
			return err
		}
	}
	return nil
}

// A dedicated connection that goes back to the pool only on success.
func (l *Log) WithLock(ctx context.Context, fn func(*sql.Conn) error) error {
	conn, err := l.db.Conn(ctx) // want "conn from l.db.Conn is not closed on the return at line 34"
	if err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(42)`); err != nil {
		return err
	}
	err = fn(conn)
	conn.Close()
	return err
}
