//go:build ignore

package jobs

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5"
)

var webhookClient = &http.Client{Timeout: 10 * time.Second}

type pendingWebhook struct {
	ID       int64
	URL      string
	Secret   string
	Payload  []byte
	Attempts int
}

func sign(secret string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}

// deliver posts one webhook, retrying transient failures with backoff.
func deliver(ctx context.Context, w pendingWebhook) error {
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.URL, bytes.NewReader(w.Payload))
		if err != nil {
			return err
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Signature-256", "sha256="+sign(w.Secret, w.Payload))
		resp, err := webhookClient.Do(req)
		if err == nil {
			io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
			resp.Body.Close()
			if resp.StatusCode < 300 {
				return nil
			}
			lastErr = fmt.Errorf("status %d", resp.StatusCode)
			if resp.StatusCode < 500 {
				return lastErr
			}
		} else {
			lastErr = err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(1<<attempt) * time.Second):
		}
	}
	return lastErr
}

// DeliverWebhooks sends due webhooks and records the outcome of each.
func (r *Runner) DeliverWebhooks(ctx context.Context) error {
	rows, err := r.pool.Query(ctx,
		`SELECT id, url, secret, payload, attempts FROM webhook_queue
		  WHERE next_attempt_at <= now() ORDER BY next_attempt_at LIMIT 100`)
	if err != nil {
		return err
	}
	due, err := pgx.CollectRows(rows, pgx.RowToStructByPos[pendingWebhook])
	if err != nil {
		return err
	}
	for _, w := range due {
		if err := deliver(ctx, w); err != nil {
			backoff := time.Duration(w.Attempts+1) * time.Minute
			_, dbErr := r.pool.Exec(ctx, // expect: query-in-loop
				`UPDATE webhook_queue SET attempts = attempts + 1, last_error = $2, next_attempt_at = now() + $3 WHERE id = $1`,
				w.ID, err.Error(), backoff)
			if dbErr != nil {
				return dbErr
			}
			continue
		}
		if _, err := r.pool.Exec(ctx, `DELETE FROM webhook_queue WHERE id = $1`, w.ID); err != nil { // expect: query-in-loop
			return err
		}
	}
	return nil
}

// ProbeEndpoint checks that a customer's endpoint answers before it is saved.
func ProbeEndpoint(ctx context.Context, url string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := webhookClient.Do(req) // expect: missing-release
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
