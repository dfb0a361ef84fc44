//go:build ignore

// Package cdn purges cached paths at the CDN.
package cdn

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// Purger batches purge requests; the CDN allows one request per second.
type Purger struct {
	api    string
	token  string
	client *http.Client

	mu   sync.Mutex
	last time.Time
}

// NewPurger returns a Purger.
func NewPurger(api, token string) *Purger {
	return &Purger{api: api, token: token, client: &http.Client{Timeout: 10 * time.Second}}
}

// Purge invalidates a path prefix, spacing calls one second apart.
func (p *Purger) Purge(ctx context.Context, prefix string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if wait := time.Second - time.Since(p.last); wait > 0 {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
	}
	body, _ := json.Marshal(map[string]any{"prefixes": []string{prefix}})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.api+"/purge", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+p.token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := p.client.Do(req) // expect: sync-api-in-async
	p.last = time.Now()
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("cdn purge: status %d", resp.StatusCode)
	}
	return nil
}

// Status returns the CDN's view of a purge job.
func (p *Purger) Status(ctx context.Context, jobID string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.api+"/purge/"+jobID, nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("Authorization", "Bearer "+p.token)
	resp, err := p.client.Do(req) // expect: missing-release
	if err != nil {
		return "", err
	}
	var st struct {
		State string `json:"state"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
		return "", err
	}
	resp.Body.Close()
	return st.State, nil
}
