//go:build ignore

package webhook

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Dispatcher delivers ledger events to subscriber endpoints. It listens for
// NOTIFY on a dedicated connection and delivers what it is told about.
type Dispatcher struct {
	pool   *pgxpool.Pool
	client *http.Client
	secret []byte
	log    *slog.Logger
}

// NewDispatcher returns a Dispatcher with a bounded HTTP client.
func NewDispatcher(pool *pgxpool.Pool, secret []byte, log *slog.Logger) *Dispatcher {
	return &Dispatcher{pool: pool, client: &http.Client{Timeout: 15 * time.Second}, secret: secret, log: log}
}

// Listen blocks until ctx ends, delivering one notification at a time.
func (d *Dispatcher) Listen(ctx context.Context) error {
	conn, err := d.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "LISTEN ledger_events"); err != nil {
		return err
	}
	for {
		n, err := conn.Conn().WaitForNotification(ctx)
		if err != nil {
			return err
		}
		if err := d.deliver(ctx, n.Payload); err != nil {
			d.log.WarnContext(ctx, "delivery failed", "event", n.Payload, "err", err)
		}
	}
}

func (d *Dispatcher) sign(body []byte) string {
	mac := hmac.New(sha256.New, d.secret)
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}

func (d *Dispatcher) deliver(ctx context.Context, eventID string) error {
	var url string
	var body []byte
	err := d.pool.QueryRow(ctx, `SELECT s.url, e.body FROM events e JOIN subscriptions s ON s.id = e.subscription_id WHERE e.id = $1`, eventID).Scan(&url, &body)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Ledger-Signature", d.sign(body))
	resp, err := d.client.Do(req)
	if err != nil {
		return err
	}
	defer func() {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		_ = resp.Body.Close()
	}()
	status := "delivered"
	if resp.StatusCode >= 300 {
		status = fmt.Sprintf("failed:%d", resp.StatusCode)
	}
	_, err = d.pool.Exec(ctx, `UPDATE events SET delivery_status = $2, attempts = attempts + 1 WHERE id = $1`, eventID, status)
	return err
}
