//go:build ignore

package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// ErrInsufficientFunds is returned when a debit would overdraw an account.
var ErrInsufficientFunds = errors.New("insufficient funds")

// Transfer moves amount between two accounts in one serializable transaction.
func (s *Store) Transfer(ctx context.Context, id string, from, to, amount int64) error {
	return s.ExecTx(ctx, func(q *Queries) error {
		b, err := q.Balance(ctx, from)
		if err != nil {
			return err
		}
		if b.Posted-b.Pending < amount {
			return ErrInsufficientFunds
		}
		_, err = q.db.Exec(ctx, `INSERT INTO entries (transfer_id, account_id, amount, status)
			VALUES ($1, $2, $3, 'posted'), ($1, $4, $5, 'posted')`, id, from, -amount, to, amount)
		return err
	})
}

// CloseAccount zeroes an account into its sweep account and marks it closed.
func (s *Store) CloseAccount(ctx context.Context, accountID, sweepAccountID int64) error {
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.Serializable}) // expect: missing-release
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	q := s.WithTx(tx)

	b, err := q.Balance(ctx, accountID)
	if err != nil {
		return fmt.Errorf("balance: %w", err)
	}
	if b.Pending != 0 {
		return fmt.Errorf("account %d has %d pending", accountID, b.Pending)
	}
	if b.Posted != 0 {
		if _, err := tx.Exec(ctx, `INSERT INTO entries (transfer_id, account_id, amount, status)
			VALUES (gen_random_uuid()::text, $1, $2, 'posted'), (gen_random_uuid()::text, $3, $4, 'posted')`,
			accountID, -b.Posted, sweepAccountID, b.Posted); err != nil {
			_ = tx.Rollback(ctx)
			return fmt.Errorf("sweep: %w", err)
		}
	}
	if _, err := tx.Exec(ctx, `UPDATE accounts SET closed_at = now() WHERE id = $1`, accountID); err != nil {
		_ = tx.Rollback(ctx)
		return fmt.Errorf("close: %w", err)
	}
	return tx.Commit(ctx)
}
