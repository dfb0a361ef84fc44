//go:build ignore

// Package jobs holds billing's background jobs.
package jobs

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/google/uuid"

	"example.com/billing/internal/store"
	"example.com/billing/internal/stripe"
)

// Dunning retries payment of overdue invoices.
type Dunning struct {
	db     *sql.DB
	stripe *stripe.Client
	log    *slog.Logger
}

// NewDunning returns the dunning job.
func NewDunning(st *store.Store, sc *stripe.Client, log *slog.Logger) *Dunning {
	return &Dunning{db: st.DB(), stripe: sc, log: log}
}

// Run executes the job every interval until ctx is cancelled.
func (d *Dunning) Run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := d.runOnce(ctx); err != nil {
				d.log.Error("dunning run failed", "err", err)
			}
		}
	}
}

type overdue struct {
	id         string
	customerID string
	cents      int64
	currency   string
}

func (d *Dunning) runOnce(ctx context.Context) error {
	after := ""
	for {
		page, err := d.overduePage(ctx, after, 200)
		if err != nil {
			return err
		}
		if len(page) == 0 {
			return nil
		}
		for _, inv := range page {
			var stripeCustomer sql.NullString
			if err := d.db.QueryRowContext(ctx, `SELECT stripe_id FROM customers WHERE id = $1`, inv.customerID).Scan(&stripeCustomer); err != nil { // expect: query-in-loop
				return fmt.Errorf("customer of %s: %w", inv.id, err)
			}
			if !stripeCustomer.Valid {
				continue
			}
			pi, err := d.stripe.CreatePaymentIntent(ctx, stripeCustomer.String, inv.cents, inv.currency, "dunning-"+inv.id+"-"+time.Now().Format("20060102"))
			status := "failed"
			if err == nil && pi.Status == "succeeded" {
				status = "succeeded"
			}
			if _, err := d.db.ExecContext(ctx, // expect: query-in-loop
				`INSERT INTO payments (id, invoice_id, amount_cents, status, attempted_at) VALUES ($1, $2, $3, $4, now())`,
				uuid.NewString(), inv.id, inv.cents, status); err != nil {
				return err
			}
		}
		after = page[len(page)-1].id
		// Stay well under Stripe's rate limit between pages.
		time.Sleep(500 * time.Millisecond)
	}
}

func (d *Dunning) overduePage(ctx context.Context, after string, limit int) ([]overdue, error) {
	rows, err := d.db.QueryContext(ctx,
		`SELECT id, customer_id, total_cents, currency FROM invoices
		  WHERE status = 'open' AND due_at < now() - interval '3 days' AND id > $1
		  ORDER BY id LIMIT $2`, after, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []overdue
	for rows.Next() {
		var o overdue
		if err := rows.Scan(&o.id, &o.customerID, &o.cents, &o.currency); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}
