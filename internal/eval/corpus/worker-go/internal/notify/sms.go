//go:build ignore

package notify

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// SMS sends text messages through the provider's REST API.
type SMS struct {
	accountSID string
	token      string
	from       string
	client     *http.Client

	mu   sync.Mutex
	sent int
}

// NewSMS returns an SMS sender.
func NewSMS(accountSID, token, from string) *SMS {
	return &SMS{accountSID: accountSID, token: token, from: from, client: &http.Client{Timeout: 8 * time.Second}}
}

// Send delivers one message.
func (s *SMS) Send(ctx context.Context, to, body string) error {
	form := url.Values{"From": {s.from}, "To": {to}, "Body": {body}}
	endpoint := fmt.Sprintf("https://api.sms.example/2010-04-01/Accounts/%s/Messages.json", s.accountSID)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.SetBasicAuth(s.accountSID, s.token)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("sms provider: status %d", resp.StatusCode)
	}
	s.mu.Lock()
	s.sent++
	s.mu.Unlock()
	return nil
}

// Sent returns how many messages were delivered since start.
func (s *SMS) Sent() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sent
}
