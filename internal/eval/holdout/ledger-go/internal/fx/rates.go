//go:build ignore

package fx

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// Provider serves exchange rates, refreshing them at most once a minute.
type Provider struct {
	baseURL string
	client  *http.Client

	mu        sync.Mutex
	rates     map[string]float64
	fetchedAt time.Time
}

// NewProvider returns a Provider that reads rates from baseURL.
func NewProvider(baseURL string, client *http.Client) *Provider {
	return &Provider{baseURL: baseURL, client: client, rates: map[string]float64{}}
}

type latestResponse struct {
	Base  string             `json:"base"`
	Rates map[string]float64 `json:"rates"`
}

// Rate returns how many units of `to` one unit of `from` buys.
func (p *Provider) Rate(ctx context.Context, from, to string) (float64, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if time.Since(p.fetchedAt) > time.Minute {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.baseURL+"/latest?base=USD", nil)
		if err != nil {
			return 0, err
		}
		resp, err := p.client.Do(req) // expect: sync-api-in-async
		if err != nil {
			return 0, fmt.Errorf("fx refresh: %w", err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return 0, fmt.Errorf("fx refresh: status %d", resp.StatusCode)
		}
		var latest latestResponse
		if err := json.NewDecoder(resp.Body).Decode(&latest); err != nil {
			return 0, fmt.Errorf("fx refresh: %w", err)
		}
		p.rates = latest.Rates
		p.rates["USD"] = 1
		p.fetchedAt = time.Now()
	}
	f, ok1 := p.rates[from]
	t, ok2 := p.rates[to]
	if !ok1 || !ok2 {
		return 0, fmt.Errorf("no rate for %s/%s", from, to)
	}
	return t / f, nil
}
