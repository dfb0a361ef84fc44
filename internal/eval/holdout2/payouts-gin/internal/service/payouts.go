//go:build ignore

package service

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

var ErrAlreadyPaid = errors.New("payout already paid")

type Payout struct {
	ID          int64     `db:"id" json:"id"`
	MerchantID  int64     `db:"merchant_id" json:"merchantId"`
	AmountCents int64     `db:"amount_cents" json:"amountCents"`
	Currency    string    `db:"currency" json:"currency"`
	Status      string    `db:"status" json:"status"`
	CreatedAt   time.Time `db:"created_at" json:"createdAt"`
}

type Payouts struct {
	pool *pgxpool.Pool
}

func NewPayouts(pool *pgxpool.Pool) *Payouts { return &Payouts{pool: pool} }

func (p *Payouts) Get(ctx context.Context, id int64) (Payout, error) {
	rows, err := p.pool.Query(ctx, `SELECT id, merchant_id, amount_cents, currency, status, created_at FROM payouts WHERE id = $1`, id)
	if err != nil {
		return Payout{}, err
	}
	return pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[Payout])
}

func (p *Payouts) ForMerchant(ctx context.Context, merchantID int64, limit int) ([]Payout, error) {
	rows, err := p.pool.Query(ctx, `
		SELECT id, merchant_id, amount_cents, currency, status, created_at
		  FROM payouts WHERE merchant_id = $1 ORDER BY created_at DESC LIMIT $2`, merchantID, limit)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByName[Payout])
}

// Create records a payout and debits the merchant balance atomically.
func (p *Payouts) Create(ctx context.Context, merchantID, cents int64, currency string) (int64, error) {
	tx, err := p.pool.Begin(ctx)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback(ctx)

	tag, err := tx.Exec(ctx, `UPDATE balances SET available_cents = available_cents - $2
		WHERE merchant_id = $1 AND currency = $3 AND available_cents >= $2`, merchantID, cents, currency)
	if err != nil {
		return 0, err
	}
	if tag.RowsAffected() == 0 {
		return 0, fmt.Errorf("insufficient balance")
	}
	var id int64
	if err := tx.QueryRow(ctx, `INSERT INTO payouts (merchant_id, amount_cents, currency, status)
		VALUES ($1, $2, $3, 'pending') RETURNING id`, merchantID, cents, currency).Scan(&id); err != nil {
		return 0, err
	}
	return id, tx.Commit(ctx)
}

// MarkPaid records the bank reference. Called by the bank-callback handler.
func (p *Payouts) MarkPaid(ctx context.Context, id int64, bankRef string) error {
	tx, err := p.pool.Begin(ctx) // expect: missing-release
	if err != nil {
		return err
	}
	var status string
	if err := tx.QueryRow(ctx, `SELECT status FROM payouts WHERE id = $1 FOR UPDATE`, id).Scan(&status); err != nil {
		return err
	}
	if status == "paid" {
		_ = tx.Rollback(ctx)
		return ErrAlreadyPaid
	}
	if _, err := tx.Exec(ctx, `UPDATE payouts SET status = 'paid', bank_ref = $2, paid_at = now() WHERE id = $1`, id, bankRef); err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	return tx.Commit(ctx)
}

// Cancel many pending payouts at once and restore the balances, in one batch.
func (p *Payouts) Cancel(ctx context.Context, ids []int64) error {
	tx, err := p.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)

	b := &pgx.Batch{}
	for _, id := range ids {
		b.Queue(`WITH c AS (UPDATE payouts SET status = 'cancelled' WHERE id = $1 AND status = 'pending'
			RETURNING merchant_id, currency, amount_cents)
			UPDATE balances b SET available_cents = b.available_cents + c.amount_cents
			  FROM c WHERE b.merchant_id = c.merchant_id AND b.currency = c.currency`, id)
	}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return err
	}
	return tx.Commit(ctx)
}
