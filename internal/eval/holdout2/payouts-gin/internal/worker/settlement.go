//go:build ignore

package worker

import (
	"context"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Settlement moves captured funds into merchant balances once their hold period ends.
type Settlement struct {
	pool *pgxpool.Pool
}

func NewSettlement(pool *pgxpool.Pool) *Settlement { return &Settlement{pool: pool} }

func (s *Settlement) Run(ctx context.Context) {
	for {
		n, err := s.pass(ctx)
		if err != nil {
			slog.Error("settlement pass", "err", err)
		}
		if n == 0 {
			select {
			case <-ctx.Done():
				return
			case <-time.After(30 * time.Second):
			}
		}
	}
}

type capture struct {
	ID         int64
	MerchantID int64
	Currency   string
	Cents      int64
}

const settleOneSQL = `
	WITH s AS (UPDATE captures SET settled_at = now() WHERE id = $1 AND settled_at IS NULL RETURNING cents)
	INSERT INTO balances (merchant_id, currency, available_cents) SELECT $2, $3, cents FROM s
	ON CONFLICT (merchant_id, currency) DO UPDATE SET available_cents = balances.available_cents + EXCLUDED.available_cents`

func (s *Settlement) pass(ctx context.Context) (int, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT id, merchant_id, currency, cents FROM captures
		 WHERE settled_at IS NULL AND hold_until <= now()
		 ORDER BY hold_until LIMIT 200`)
	if err != nil {
		return 0, err
	}
	caps, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (capture, error) {
		var c capture
		err := r.Scan(&c.ID, &c.MerchantID, &c.Currency, &c.Cents)
		return c, err
	})
	if err != nil {
		return 0, err
	}

	for _, c := range caps {
		_, err := s.pool.Exec(ctx, settleOneSQL, c.ID, c.MerchantID, c.Currency) // expect: query-in-loop
		if err != nil {
			return 0, err
		}
	}
	return len(caps), nil
}
