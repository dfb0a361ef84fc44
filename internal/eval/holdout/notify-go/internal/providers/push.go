//go:build ignore

package providers

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	gocache "github.com/patrickmn/go-cache"
)

// Push sends mobile push notifications.
type Push struct {
	endpoint string
	tokens   *TokenSource
	client   *http.Client

	// Device tokens per user, loaded from the device registry.
	devices *gocache.Cache
	// Recently rejected device tokens, so we stop sending to uninstalled apps.
	rejected *lru.Cache[string, time.Time]
}

// NewPush returns a Push sender.
func NewPush(endpoint string, tokens *TokenSource) *Push {
	rejected, _ := lru.New[string, time.Time](50_000)
	return &Push{
		endpoint: endpoint,
		tokens:   tokens,
		client:   &http.Client{Timeout: 8 * time.Second},
		devices:  gocache.New(gocache.NoExpiration, gocache.NoExpiration), // expect: cache-without-ttl
		rejected: rejected,
	}
}

// RememberDevices caches a user's device tokens.
func (p *Push) RememberDevices(userID string, tokens []string) {
	p.devices.Set(userID, tokens, gocache.DefaultExpiration)
}

// Send pushes title/body to every device of userID that has not been rejected.
func (p *Push) Send(ctx context.Context, userID, title, body string) (int, error) {
	v, ok := p.devices.Get(userID)
	if !ok {
		return 0, nil
	}
	bearer, err := p.tokens.Token(ctx)
	if err != nil {
		return 0, err
	}
	var targets []string
	for _, t := range v.([]string) {
		if _, bad := p.rejected.Get(t); !bad {
			targets = append(targets, t)
		}
	}
	if len(targets) == 0 {
		return 0, nil
	}
	// The provider accepts up to 500 device tokens per multicast request.
	payload, _ := json.Marshal(map[string]any{"tokens": targets, "notification": map[string]string{"title": title, "body": body}})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.endpoint+"/v1/multicast", bytes.NewReader(payload))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Authorization", "Bearer "+bearer)
	req.Header.Set("Content-Type", "application/json")
	resp, err := p.client.Do(req) // expect: missing-release
	if err != nil {
		return 0, err
	}
	if resp.StatusCode == http.StatusUnauthorized {
		p.tokens.Invalidate()
		return 0, fmt.Errorf("push: token rejected")
	}
	var result struct {
		Success int      `json:"success"`
		Invalid []string `json:"invalid_tokens"`
	}
	err = json.NewDecoder(resp.Body).Decode(&result)
	resp.Body.Close()
	if err != nil {
		return 0, err
	}
	for _, t := range result.Invalid {
		p.rejected.Add(t, time.Now())
	}
	return result.Success, nil
}
