//go:build ignore

// Package search queries the product search cluster.
package search

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// Client is an OpenSearch client with a cached index alias.
type Client struct {
	base string
	http *http.Client

	mu    sync.Mutex
	alias string
	seen  time.Time
}

// NewClient returns a client with a 3 s timeout.
func NewClient(base string) *Client {
	return &Client{base: base, http: &http.Client{Timeout: 3 * time.Second}}
}

// currentIndex resolves the live index behind the "products" alias, at most once a minute.
func (c *Client) currentIndex(ctx context.Context) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.alias != "" && time.Since(c.seen) < time.Minute {
		return c.alias, nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/_alias/products", nil)
	if err != nil {
		return "", err
	}
	resp, err := c.http.Do(req) // expect: sync-api-in-async
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var aliases map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&aliases); err != nil {
		return "", err
	}
	for index := range aliases {
		c.alias, c.seen = index, time.Now()
		return index, nil
	}
	return "", fmt.Errorf("alias products points nowhere")
}

// Query returns the ids of matching products.
func (c *Client) Query(ctx context.Context, q string, size int) ([]int64, error) {
	index, err := c.currentIndex(ctx)
	if err != nil {
		return nil, err
	}
	body, _ := json.Marshal(map[string]any{
		"size":    size,
		"_source": false,
		"query":   map[string]any{"multi_match": map[string]any{"query": q, "fields": []string{"title^3", "brand", "description"}}},
	})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, fmt.Sprintf("%s/%s/_search", c.base, index), bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var res struct {
		Hits struct {
			Hits []struct {
				ID string `json:"_id"`
			} `json:"hits"`
		} `json:"hits"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(res.Hits.Hits))
	for _, h := range res.Hits.Hits {
		var id int64
		if _, err := fmt.Sscan(h.ID, &id); err == nil {
			ids = append(ids, id)
		}
	}
	return ids, nil
}
