//go:build ignore

package geo

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// Client calls the commercial geocoder, whose licence allows one request in
// flight per API key; requests are serialised on mu.
type Client struct {
	baseURL string
	apiKey  string
	http    *http.Client

	mu   sync.Mutex
	last time.Time
}

// NewClient returns a geocoder client.
func NewClient(baseURL, apiKey string) *Client {
	return &Client{baseURL: baseURL, apiKey: apiKey, http: &http.Client{Timeout: 5 * time.Second}}
}

type reverseResult struct {
	Features []struct {
		Properties struct {
			Street      string `json:"street"`
			HouseNumber string `json:"housenumber"`
			City        string `json:"city"`
		} `json:"properties"`
	} `json:"features"`
}

// Reverse returns "street number, city" for a coordinate.
func (c *Client) Reverse(ctx context.Context, lat, lon float64) (string, error) {
	q := url.Values{"lat": {fmt.Sprint(lat)}, "lon": {fmt.Sprint(lon)}, "api_key": {c.apiKey}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+"/reverse?"+q.Encode(), nil)
	if err != nil {
		return "", err
	}

	c.mu.Lock()
	defer c.mu.Unlock()
	resp, err := c.http.Do(req) // expect: sync-api-in-async, missing-release
	c.last = time.Now()
	if err != nil {
		return "", err
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		return "", fmt.Errorf("geocoder rate limited")
	}
	var rr reverseResult
	err = json.NewDecoder(resp.Body).Decode(&rr)
	resp.Body.Close()
	if err != nil {
		return "", err
	}
	if len(rr.Features) == 0 {
		return "", nil
	}
	p := rr.Features[0].Properties
	return fmt.Sprintf("%s %s, %s", p.Street, p.HouseNumber, p.City), nil
}
