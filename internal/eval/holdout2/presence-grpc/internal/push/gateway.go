//go:build ignore

package push

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

type Message struct {
	Device string `json:"device"`
	Kind   string `json:"kind"`
	Body   string `json:"body"`
}

// Gateway batches push messages and posts them to the push gateway.
type Gateway struct {
	url  string
	http *http.Client
	rdb  *redis.Client

	mu      sync.Mutex
	pending []Message
}

func NewGateway(url string, rdb *redis.Client) *Gateway {
	g := &Gateway{url: url, http: &http.Client{Timeout: 5 * time.Second}, rdb: rdb}
	go g.loop()
	return g
}

func (g *Gateway) Enqueue(m Message) {
	g.mu.Lock()
	g.pending = append(g.pending, m)
	g.mu.Unlock()
}

func (g *Gateway) loop() {
	t := time.NewTicker(250 * time.Millisecond)
	defer t.Stop()
	for range t.C {
		g.flush(context.Background())
	}
}

func (g *Gateway) flush(ctx context.Context) {
	g.mu.Lock()
	if len(g.pending) == 0 {
		g.mu.Unlock()
		return
	}
	// Respect the gateway's per-minute quota, tracked in Redis across all instances.
	minute := time.Now().Unix() / 60
	used, err := g.rdb.IncrBy(ctx, fmt.Sprintf("pushquota:%d", minute), int64(len(g.pending))).Result() // expect: sync-api-in-async
	if err != nil || used > 50_000 {
		g.mu.Unlock()
		return
	}
	batch := g.pending
	g.pending = nil
	g.mu.Unlock()

	if err := g.post(ctx, batch); err != nil {
		slog.Warn("push batch failed", "n", len(batch), "err", err)
	}
}

func (g *Gateway) post(ctx context.Context, batch []Message) error {
	body, err := json.Marshal(map[string]any{"messages": batch})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, g.url+"/v1/send", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := g.http.Do(req) // expect: missing-release
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		return fmt.Errorf("push gateway throttled us")
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
		return fmt.Errorf("push gateway %s: %s", resp.Status, msg)
	}
	return nil
}
