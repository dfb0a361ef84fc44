//go:build ignore

package store

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// Entry is one posting on an account.
type Entry struct {
	ID         int64
	TransferID string
	AccountID  int64
	Amount     int64
	Status     string
	CreatedAt  time.Time
}

// EntriesSince returns the rows iterator for an account's entries; the
// caller must Close it.
func (s *Store) EntriesSince(ctx context.Context, accountID int64, since time.Time) (pgx.Rows, error) {
	return s.pool.Query(ctx, `SELECT id, transfer_id, account_id, amount, status, created_at
		FROM entries WHERE account_id = $1 AND created_at >= $2 ORDER BY id`, accountID, since)
}

// SumByStatus folds over one result set without materialising it.
func (s *Store) SumByStatus(ctx context.Context, accountID int64) (map[string]int64, error) {
	rows, err := s.pool.Query(ctx, `SELECT status, amount FROM entries WHERE account_id = $1`, accountID)
	if err != nil {
		return nil, err
	}
	sums := map[string]int64{}
	var status string
	var amount int64
	_, err = pgx.ForEachRow(rows, []any{&status, &amount}, func() error {
		sums[status] += amount
		return nil
	})
	return sums, err
}

// PostPending flips many pending entries to posted in one batch round trip.
func (s *Store) PostPending(ctx context.Context, transferIDs []string) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback(ctx) }()

	b := &pgx.Batch{}
	for _, id := range transferIDs {
		b.Queue(`UPDATE entries SET status = 'posted' WHERE transfer_id = $1 AND status = 'pending'`, id)
	}
	br := tx.SendBatch(ctx, b)
	for range transferIDs {
		if _, err := br.Exec(); err != nil {
			_ = br.Close()
			return fmt.Errorf("post pending: %w", err)
		}
	}
	if err := br.Close(); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// currencyCache maps account IDs to their currency. Accounts never change
// currency and there are a few thousand of them; the query runs outside the lock.
type currencyCache struct {
	mu sync.RWMutex
	m  map[int64]string
}

func (c *currencyCache) get(ctx context.Context, db DBTX, accountID int64) (string, error) {
	c.mu.RLock()
	cur, ok := c.m[accountID]
	c.mu.RUnlock()
	if ok {
		return cur, nil
	}
	if err := db.QueryRow(ctx, `SELECT currency FROM accounts WHERE id = $1`, accountID).Scan(&cur); err != nil {
		return "", err
	}
	c.mu.Lock()
	if c.m == nil {
		c.m = map[int64]string{}
	}
	c.m[accountID] = cur
	c.mu.Unlock()
	return cur, nil
}
