//go:build ignore

// Package tax looks up VAT and sales-tax rates from the tax provider.
package tax

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// Rate is a tax rate for a jurisdiction.
type Rate struct {
	Country    string  `json:"country"`
	Region     string  `json:"region"`
	Percentage float64 `json:"percentage"`
	Reverse    bool    `json:"reverse_charge"`
}

var (
	ratesMu sync.Mutex
	rates   = map[string]Rate{} // expect: cache-without-ttl
)

// Provider fetches rates from the tax API.
type Provider struct {
	BaseURL string
	Token   string
	Client  *http.Client

	mu       sync.Mutex
	validity map[string]time.Time
}

// NewProvider returns a provider with a bounded HTTP client.
func NewProvider(baseURL, token string) *Provider {
	return &Provider{
		BaseURL:  baseURL,
		Token:    token,
		Client:   &http.Client{Timeout: 3 * time.Second},
		validity: make(map[string]time.Time),
	}
}

// RateFor returns the rate for a country and region, caching it forever.
func (p *Provider) RateFor(ctx context.Context, country, region string) (Rate, error) {
	key := country + "/" + region
	ratesMu.Lock()
	r, ok := rates[key]
	ratesMu.Unlock()
	if ok {
		return r, nil
	}
	r, err := p.fetch(ctx, country, region)
	if err != nil {
		return Rate{}, err
	}
	ratesMu.Lock()
	rates[key] = r
	ratesMu.Unlock()
	return r, nil
}

func (p *Provider) fetch(ctx context.Context, country, region string) (Rate, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet,
		fmt.Sprintf("%s/v2/rates/%s?region=%s", p.BaseURL, country, region), nil)
	if err != nil {
		return Rate{}, err
	}
	req.Header.Set("Authorization", "Bearer "+p.Token)
	resp, err := p.Client.Do(req)
	if err != nil {
		return Rate{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Rate{}, fmt.Errorf("tax api: status %d for %s/%s", resp.StatusCode, country, region)
	}
	var r Rate
	return r, json.NewDecoder(resp.Body).Decode(&r)
}

// ValidateVATNumber checks a VAT number with the provider, remembering valid numbers for a day.
func (p *Provider) ValidateVATNumber(ctx context.Context, vat string) (bool, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if until, ok := p.validity[vat]; ok && time.Now().Before(until) {
		return true, nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.BaseURL+"/v2/vat/"+vat, nil)
	if err != nil {
		return false, err
	}
	req.Header.Set("Authorization", "Bearer "+p.Token)
	resp, err := p.Client.Do(req) // expect: sync-api-in-async
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	valid := resp.StatusCode == http.StatusOK
	if valid {
		p.validity[vat] = time.Now().Add(24 * time.Hour)
	}
	return valid, nil
}
