//go:build ignore

// Package repo holds the worker's data access for subscriptions.
package repo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Subscriptions is the subscription repository.
type Subscriptions struct {
	pool *pgxpool.Pool
}

// New returns a repository.
func New(pool *pgxpool.Pool) *Subscriptions { return &Subscriptions{pool: pool} }

// Subscription is a plan subscription.
type Subscription struct {
	ID        int64
	AccountID int64
	Plan      string
	Seats     int
	RenewsAt  time.Time
}

// ErrNoSeats is returned when a seat change would go below the number in use.
var ErrNoSeats = errors.New("repo: seats in use exceed requested seats")

// ChangeSeats updates the seat count after checking how many are in use.
func (s *Subscriptions) ChangeSeats(ctx context.Context, id int64, seats int) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	var inUse int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM seat_assignments WHERE subscription_id = $1`, id).Scan(&inUse); err != nil {
		return err
	}
	if inUse > seats {
		return ErrNoSeats
	}
	if _, err := tx.Exec(ctx, `UPDATE subscriptions SET seats = $2 WHERE id = $1`, id, seats); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// Renew moves renewal dates forward for the given subscriptions.
func (s *Subscriptions) Renew(ctx context.Context, ids []int64, period time.Duration) error {
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.ReadCommitted}) // expect: missing-release
	if err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := tx.Exec(ctx, `UPDATE subscriptions SET renews_at = renews_at + $2 WHERE id = $1`, id, period); err != nil { // expect: query-in-loop
			return fmt.Errorf("renewing %d: %w", id, err)
		}
	}
	return tx.Commit(ctx)
}

// ImportAssignments bulk-loads seat assignments with COPY.
func (s *Subscriptions) ImportAssignments(ctx context.Context, subscriptionID int64, userIDs []int64) (int64, error) {
	rows := make([][]any, len(userIDs))
	for i, u := range userIDs {
		rows[i] = []any{subscriptionID, u, time.Now()}
	}
	return s.pool.CopyFrom(ctx, pgx.Identifier{"seat_assignments"},
		[]string{"subscription_id", "user_id", "assigned_at"}, pgx.CopyFromRows(rows))
}

// Due returns subscriptions renewing before t, one page at a time.
func (s *Subscriptions) Due(ctx context.Context, before time.Time, afterID int64, limit int) ([]Subscription, error) {
	rows, err := s.pool.Query(ctx,
		`SELECT id, account_id, plan, seats, renews_at FROM subscriptions
		  WHERE renews_at < $1 AND id > $2 ORDER BY id LIMIT $3`, before, afterID, limit)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[Subscription])
}

// AllDue walks every due subscription page by page.
func (s *Subscriptions) AllDue(ctx context.Context, before time.Time, fn func(Subscription) error) error {
	var after int64
	for {
		page, err := s.Due(ctx, before, after, 500)
		if err != nil {
			return err
		}
		for _, sub := range page {
			if err := fn(sub); err != nil {
				return err
			}
		}
		if len(page) < 500 {
			return nil
		}
		after = page[len(page)-1].ID
	}
}

// Cancel cancels a subscription and its pending invoices.
func (s *Subscriptions) Cancel(ctx context.Context, id int64, reason string) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE subscriptions SET cancelled_at = now(), cancel_reason = $2 WHERE id = $1`, id, reason); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE invoices SET status = 'void' WHERE subscription_id = $1 AND status = 'draft'`, id)
		return err
	})
}

// WithAccountLock runs fn while holding a transaction-scoped advisory lock for the account.
func (s *Subscriptions) WithAccountLock(ctx context.Context, accountID int64, fn func(pgx.Tx) error) error {
	tx, err := s.pool.Begin(ctx) // expect: missing-release
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, accountID); err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	return tx.Commit(ctx)
}
