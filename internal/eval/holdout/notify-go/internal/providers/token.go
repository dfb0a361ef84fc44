//go:build ignore

package providers

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// TokenSource fetches and caches the push provider's OAuth access token.
type TokenSource struct {
	tokenURL     string
	clientID     string
	clientSecret string
	client       *http.Client
	rdb          *redis.Client

	mu      sync.Mutex
	token   string
	expires time.Time
}

// NewTokenSource returns a TokenSource.
func NewTokenSource(tokenURL, clientID, clientSecret string, rdb *redis.Client) *TokenSource {
	return &TokenSource{
		tokenURL:     tokenURL,
		clientID:     clientID,
		clientSecret: clientSecret,
		client:       &http.Client{Timeout: 10 * time.Second},
		rdb:          rdb,
	}
}

const sharedTokenKey = "push:oauth-token"

// Token returns a valid access token, fetching a new one when needed. The
// token is shared with the other replicas through Redis.
func (t *TokenSource) Token(ctx context.Context) (string, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.token != "" && time.Until(t.expires) > time.Minute {
		return t.token, nil
	}

	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {t.clientID}, "client_secret": {t.clientSecret}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.tokenURL, strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := t.client.Do(req) // expect: sync-api-in-async
	if err != nil {
		return "", fmt.Errorf("token: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("token: status %d", resp.StatusCode)
	}
	var tr struct {
		AccessToken string `json:"access_token"`
		ExpiresIn   int    `json:"expires_in"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&tr); err != nil {
		return "", fmt.Errorf("token: %w", err)
	}
	t.token = tr.AccessToken
	t.expires = time.Now().Add(time.Duration(tr.ExpiresIn) * time.Second)
	return t.token, nil
}

// Publish shares the current token with the other replicas.
func (t *TokenSource) Publish(ctx context.Context) error {
	t.mu.Lock()
	tok := t.token
	t.mu.Unlock()
	if tok == "" {
		return nil
	}
	return t.rdb.Set(ctx, sharedTokenKey, tok, 0).Err() // expect: cache-without-ttl
}

// Invalidate forgets the cached token after the provider rejected it.
func (t *TokenSource) Invalidate() {
	t.mu.Lock()
	t.token = ""
	t.mu.Unlock()
}
