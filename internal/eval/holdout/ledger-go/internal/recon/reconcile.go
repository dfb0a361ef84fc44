//go:build ignore

package recon

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Reconciler compares each account's cached running balance with the sum of
// its entries and reports drift to the finance channel.
type Reconciler struct {
	pool     *pgxpool.Pool
	log      *slog.Logger
	alertURL string
	http     *http.Client
}

// New returns a Reconciler.
func New(pool *pgxpool.Pool, log *slog.Logger) *Reconciler {
	return &Reconciler{pool: pool, log: log, alertURL: os.Getenv("RECON_ALERT_URL"), http: &http.Client{Timeout: 10 * time.Second}}
}

type drift struct {
	AccountID int64 `json:"account_id"`
	Running   int64 `json:"running"`
	Summed    int64 `json:"summed"`
}

// Run checks every account touched since the last run.
func (r *Reconciler) Run(ctx context.Context, since time.Time) error {
	rows, err := r.pool.Query(ctx, `SELECT id, running_balance FROM accounts WHERE updated_at >= $1`, since)
	if err != nil {
		return err
	}
	type acct struct{ id, running int64 }
	accounts, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (acct, error) {
		var a acct
		err := row.Scan(&a.id, &a.running)
		return a, err
	})
	if err != nil {
		return err
	}

	var drifts []drift
	for _, a := range accounts {
		var summed int64
		if err := r.pool.QueryRow(ctx, `SELECT coalesce(sum(amount), 0) FROM entries WHERE account_id = $1 AND status = 'posted'`, a.id).Scan(&summed); err != nil { // expect: query-in-loop
			return fmt.Errorf("sum entries of %d: %w", a.id, err)
		}
		if summed != a.running {
			drifts = append(drifts, drift{AccountID: a.id, Running: a.running, Summed: summed})
		}
	}
	r.log.InfoContext(ctx, "reconciliation finished", "accounts", len(accounts), "drifts", len(drifts))
	if len(drifts) == 0 || r.alertURL == "" {
		return nil
	}
	return r.alert(ctx, drifts)
}

func (r *Reconciler) alert(ctx context.Context, drifts []drift) error {
	body, _ := json.Marshal(map[string]any{"text": fmt.Sprintf("%d ledger accounts drifted", len(drifts)), "drifts": drifts})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.alertURL, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := r.http.Do(req) // expect: missing-release
	if err != nil {
		return fmt.Errorf("post alert: %w", err)
	}
	if resp.StatusCode >= 300 {
		return fmt.Errorf("post alert: status %d", resp.StatusCode)
	}
	return nil
}
