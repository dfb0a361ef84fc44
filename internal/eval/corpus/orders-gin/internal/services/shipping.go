//go:build ignore

// Package services holds the orders service's integrations.
package services

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// ShippingClient talks to the shipping aggregator.
type ShippingClient struct {
	base  string
	token string
	http  *http.Client

	mu        sync.Mutex
	rates     map[string][]Rate
	ratesAt   time.Time
	authToken string
	authExp   time.Time
}

// Rate is a carrier quote.
type Rate struct {
	Carrier    string `json:"carrier"`
	Service    string `json:"service"`
	PriceCents int64  `json:"price_cents"`
	Days       int    `json:"days"`
}

// NewShippingClient returns a client with a request timeout.
func NewShippingClient(base, token string, timeout time.Duration) *ShippingClient {
	return &ShippingClient{base: base, token: token, http: &http.Client{Timeout: timeout}, rates: map[string][]Rate{}}
}

// accessToken returns a cached OAuth token, refreshing it when it is about to expire.
func (s *ShippingClient) accessToken(ctx context.Context) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.authToken != "" && time.Until(s.authExp) > time.Minute {
		return s.authToken, nil
	}
	form := url.Values{"grant_type": {"client_credentials"}, "client_secret": {s.token}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.base+"/oauth/token", nil)
	if err != nil {
		return "", err
	}
	req.URL.RawQuery = form.Encode()
	resp, err := s.http.Do(req) // expect: sync-api-in-async
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var tok struct {
		AccessToken string `json:"access_token"`
		ExpiresIn   int    `json:"expires_in"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil {
		return "", err
	}
	s.authToken = tok.AccessToken
	s.authExp = time.Now().Add(time.Duration(tok.ExpiresIn) * time.Second)
	return s.authToken, nil
}

// Quote returns rates for a destination, cached for five minutes.
func (s *ShippingClient) Quote(ctx context.Context, country, postcode string, grams int) ([]Rate, error) {
	key := fmt.Sprintf("%s/%s/%d", country, postcode, grams/500)
	s.mu.Lock()
	cached, ok := s.rates[key]
	fresh := time.Since(s.ratesAt) < 5*time.Minute
	s.mu.Unlock()
	if ok && fresh {
		return cached, nil
	}
	tok, err := s.accessToken(ctx)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet,
		fmt.Sprintf("%s/v2/rates?country=%s&postcode=%s&grams=%d", s.base, country, postcode, grams), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	resp, err := s.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var rates []Rate
	if err := json.NewDecoder(resp.Body).Decode(&rates); err != nil {
		return nil, err
	}
	s.mu.Lock()
	if len(s.rates) > 10_000 {
		s.rates = map[string][]Rate{}
	}
	s.rates[key] = rates
	s.ratesAt = time.Now()
	s.mu.Unlock()
	return rates, nil
}

// CancelLabel voids a shipping label.
func (s *ShippingClient) CancelLabel(ctx context.Context, trackingNo string) error {
	tok, err := s.accessToken(ctx)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, s.base+"/v2/labels/"+url.PathEscape(trackingNo), nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	resp, err := s.http.Do(req) // expect: missing-release
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusNoContent {
		return fmt.Errorf("cancel label %s: status %d", trackingNo, resp.StatusCode)
	}
	return resp.Body.Close()
}
