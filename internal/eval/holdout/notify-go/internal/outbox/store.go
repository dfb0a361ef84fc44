//go:build ignore

package outbox

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// Message is one outbox row.
type Message struct {
	ID        int64
	Topic     string
	Payload   json.RawMessage
	Attempts  int
	CreatedAt time.Time
}

// Store reads and updates the outbox table.
type Store struct {
	db *sql.DB
}

// NewStore returns a Store.
func NewStore(db *sql.DB) *Store { return &Store{db: db} }

func scanMessages(rows *sql.Rows) ([]Message, error) {
	defer rows.Close()
	var out []Message
	for rows.Next() {
		var m Message
		if err := rows.Scan(&m.ID, &m.Topic, &m.Payload, &m.Attempts, &m.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Claim locks up to n unsent messages for this relay for lease.
func (s *Store) Claim(ctx context.Context, n int, lease time.Duration) ([]Message, error) {
	rows, err := s.db.QueryContext(ctx, `UPDATE outbox SET leased_until = now() + $2::interval, attempts = attempts + 1
		WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NULL AND (leased_until IS NULL OR leased_until < now())
		             ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
		RETURNING id, topic, payload, attempts, created_at`, n, fmt.Sprintf("%d seconds", int(lease.Seconds())))
	if err != nil {
		return nil, err
	}
	return scanMessages(rows)
}

// Pending returns the raw rows of messages older than age, for the admin view.
// The caller closes them.
func (s *Store) Pending(ctx context.Context, age time.Duration) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, `SELECT id, topic, payload, attempts, created_at FROM outbox
		WHERE sent_at IS NULL AND created_at < now() - $1::interval ORDER BY id`, fmt.Sprintf("%d seconds", int(age.Seconds())))
}

// MarkSent records a delivery.
func (s *Store) MarkSent(ctx context.Context, id int64, providerID string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE outbox SET sent_at = now(), provider_id = $2, leased_until = NULL WHERE id = $1`, id, providerID)
	return err
}

// Compact moves sent messages older than keep into the archive table. It runs
// on one connection so the session-level statement timeout applies to both
// statements.
func (s *Store) Compact(ctx context.Context, keep time.Duration) (int64, error) {
	conn, err := s.db.Conn(ctx) // expect: missing-release
	if err != nil {
		return 0, err
	}
	if _, err := conn.ExecContext(ctx, `SET statement_timeout = '5min'`); err != nil {
		return 0, err
	}
	cutoff := time.Now().Add(-keep)
	if _, err := conn.ExecContext(ctx, `INSERT INTO outbox_archive SELECT * FROM outbox WHERE sent_at < $1`, cutoff); err != nil {
		conn.Close()
		return 0, err
	}
	res, err := conn.ExecContext(ctx, `DELETE FROM outbox WHERE sent_at < $1`, cutoff)
	conn.Close()
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
