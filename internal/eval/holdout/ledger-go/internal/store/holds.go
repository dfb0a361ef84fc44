//go:build ignore

package store

import (
	"context"
	"fmt"
	"time"
)

// Hold reserves funds for a card authorisation until it is captured or expires.
type Hold struct {
	ID        string
	AccountID int64
	Amount    int64
	ExpiresAt time.Time
}

// ExpireHolds releases every hold past its expiry. It takes a session-level
// advisory lock so only one replica runs it at a time.
func (s *Store) ExpireHolds(ctx context.Context, now time.Time) (int, error) {
	conn, err := s.pool.Acquire(ctx) // expect: missing-release
	if err != nil {
		return 0, err
	}
	var locked bool
	if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock(7001)`).Scan(&locked); err != nil {
		return 0, fmt.Errorf("lock: %w", err)
	}
	if !locked {
		conn.Release()
		return 0, nil
	}

	rows, err := conn.Query(ctx, `SELECT id, account_id, amount, expires_at FROM holds WHERE expires_at < $1 AND released_at IS NULL`, now)
	if err != nil {
		conn.Release()
		return 0, err
	}
	var expired []Hold
	for rows.Next() {
		var h Hold
		if err := rows.Scan(&h.ID, &h.AccountID, &h.Amount, &h.ExpiresAt); err != nil {
			rows.Close()
			conn.Release()
			return 0, err
		}
		expired = append(expired, h)
	}
	rows.Close()

	for _, h := range expired {
		if _, err := conn.Exec(ctx, `UPDATE holds SET released_at = now(), release_reason = 'expired' WHERE id = $1`, h.ID); err != nil { // expect: query-in-loop
			conn.Release()
			return 0, fmt.Errorf("release hold %s: %w", h.ID, err)
		}
	}
	_, _ = conn.Exec(ctx, `SELECT pg_advisory_unlock(7001)`)
	conn.Release()
	return len(expired), nil
}
