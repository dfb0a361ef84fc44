//go:build ignore

package providers

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// SMS sends text messages through the carrier aggregator's REST API. It is
// used only by the outbox relay, whose context carries the deadline.
type SMS struct {
	endpoint string
	apiKey   string
	client   *http.Client
}

// NewSMS returns an SMS sender.
func NewSMS(endpoint, apiKey string) *SMS {
	return &SMS{endpoint: endpoint, apiKey: apiKey, client: &http.Client{}}
}

type smsError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Send delivers body to the E.164 number to.
func (p *SMS) Send(ctx context.Context, to, body string) (string, error) {
	form := url.Values{"to": {to}, "body": {body}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.endpoint+"/messages", strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Authorization", "Bearer "+p.apiKey)

	resp, err := p.client.Do(req) // expect: missing-release
	if err != nil {
		return "", fmt.Errorf("sms: %w", err)
	}
	if resp.StatusCode >= 400 {
		var e smsError
		_ = json.NewDecoder(io.LimitReader(resp.Body, 4096)).Decode(&e)
		return "", fmt.Errorf("sms: %d %s: %s", resp.StatusCode, e.Code, e.Message)
	}
	defer resp.Body.Close()
	var ok struct {
		ID string `json:"id"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&ok); err != nil {
		return "", fmt.Errorf("sms: decode: %w", err)
	}
	return ok.ID, nil
}
