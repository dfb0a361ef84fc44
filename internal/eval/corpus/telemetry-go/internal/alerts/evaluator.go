//go:build ignore

// Package alerts evaluates threshold rules and pages on-call.
package alerts

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
)

// Rule is a threshold alert rule.
type Rule struct {
	ID        int64
	TenantID  string
	DeviceID  string
	Metric    string
	Threshold float64
	Window    time.Duration
	Severity  string
}

// Evaluator runs every rule periodically.
type Evaluator struct {
	pool     *pgxpool.Pool
	rdb      *redis.Client
	pagerURL string
	http     *http.Client
	log      *slog.Logger
}

// NewEvaluator returns an Evaluator.
func NewEvaluator(pool *pgxpool.Pool, rdb *redis.Client, pagerURL string, log *slog.Logger) *Evaluator {
	return &Evaluator{pool: pool, rdb: rdb, pagerURL: pagerURL, http: &http.Client{Timeout: 5 * time.Second}, log: log}
}

// Run evaluates the rules every interval.
func (e *Evaluator) Run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := e.evaluate(ctx); err != nil {
				e.log.Error("alert evaluation failed", "err", err)
			}
		}
	}
}

func (e *Evaluator) evaluate(ctx context.Context) error {
	rows, err := e.pool.Query(ctx, `SELECT id, tenant_id, device_id, metric, threshold, "window", severity FROM alert_rules WHERE enabled`)
	if err != nil {
		return err
	}
	rules, err := pgx.CollectRows(rows, pgx.RowToStructByPos[Rule])
	if err != nil {
		return err
	}
	for _, rule := range rules {
		var avg *float64
		if err := e.pool.QueryRow(ctx, // expect: query-in-loop
			`SELECT avg(value) FROM samples WHERE device_id = $1 AND metric = $2 AND ts > now() - $3::interval`,
			rule.DeviceID, rule.Metric, rule.Window).Scan(&avg); err != nil {
			return fmt.Errorf("rule %d: %w", rule.ID, err)
		}
		if avg == nil || *avg <= rule.Threshold {
			continue
		}
		key := fmt.Sprintf("tm:alert-open:%d", rule.ID)
		opened, err := e.rdb.SetNX(ctx, key, time.Now().Unix(), 6*time.Hour).Result() // expect: query-in-loop
		if err != nil {
			return err
		}
		if !opened {
			continue
		}
		if err := e.page(ctx, rule, *avg); err != nil {
			e.log.Warn("paging failed", "rule", rule.ID, "err", err)
		}
	}
	return nil
}

func (e *Evaluator) page(ctx context.Context, rule Rule, value float64) error {
	body, _ := json.Marshal(map[string]any{
		"routing_key": rule.TenantID,
		"severity":    rule.Severity,
		"summary":     fmt.Sprintf("%s on %s is %.2f (threshold %.2f)", rule.Metric, rule.DeviceID, value, rule.Threshold),
	})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, e.pagerURL, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := e.http.Do(req) // expect: missing-release
	if err != nil {
		return err
	}
	if resp.StatusCode >= 300 {
		return fmt.Errorf("pager: status %d", resp.StatusCode)
	}
	return resp.Body.Close()
}

// Silence suppresses a rule until the given time.
func (e *Evaluator) Silence(ctx context.Context, ruleID int64, until time.Time) error {
	return e.rdb.Set(ctx, fmt.Sprintf("tm:alert-silence:%d", ruleID), until.Unix(), time.Until(until)).Err()
}

// Acknowledge records who acknowledged an alert.
func (e *Evaluator) Acknowledge(ctx context.Context, ruleID int64, user string) error {
	return e.rdb.Set(ctx, fmt.Sprintf("tm:alert-ack:%d", ruleID), user, 0).Err() // expect: cache-without-ttl
}
