//go:build ignore

// Package notify sends operational notifications.
package notify

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// Slack posts messages to an incoming webhook, collapsing duplicates.
type Slack struct {
	url    string
	client *http.Client

	mu       sync.Mutex
	lastSent map[string]time.Time
}

// NewSlack returns a notifier for the webhook URL.
func NewSlack(url string) *Slack {
	return &Slack{url: url, client: &http.Client{Timeout: 5 * time.Second}, lastSent: make(map[string]time.Time)}
}

// Notify posts text unless the same text was posted in the last ten minutes.
func (s *Slack) Notify(ctx context.Context, text string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t, ok := s.lastSent[text]; ok && time.Since(t) < 10*time.Minute {
		return nil
	}
	body, _ := json.Marshal(map[string]string{"text": text})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.client.Do(req) // expect: sync-api-in-async
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("slack: status %d", resp.StatusCode)
	}
	s.lastSent[text] = time.Now()
	for k, t := range s.lastSent {
		if time.Since(t) > time.Hour {
			delete(s.lastSent, k)
		}
	}
	return nil
}
