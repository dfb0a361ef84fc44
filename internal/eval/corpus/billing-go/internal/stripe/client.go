//go:build ignore

// Package stripe is a minimal Stripe REST client.
package stripe

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Client talks to the Stripe API.
type Client struct {
	key  string
	base string
	http *http.Client
}

// NewClient returns a client whose requests time out after timeout.
func NewClient(key string, timeout time.Duration) *Client {
	return &Client{key: key, base: "https://api.stripe.com/v1", http: &http.Client{Timeout: timeout}}
}

// Error is a Stripe API error response.
type Error struct {
	Status  int
	Type    string `json:"type"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return fmt.Sprintf("stripe: %d %s: %s", e.Status, e.Code, e.Message) }

func (c *Client) do(ctx context.Context, method, path string, form url.Values, out any) error {
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return err
	}
	req.SetBasicAuth(c.key, "")
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("stripe %s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		var wrapper struct {
			Error Error `json:"error"`
		}
		_ = json.NewDecoder(resp.Body).Decode(&wrapper)
		wrapper.Error.Status = resp.StatusCode
		return &wrapper.Error
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// PaymentIntent is the subset of fields billing uses.
type PaymentIntent struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	Amount int64  `json:"amount"`
}

// CreatePaymentIntent charges a customer's default payment method.
func (c *Client) CreatePaymentIntent(ctx context.Context, customer string, amount int64, currency, idemKey string) (PaymentIntent, error) {
	form := url.Values{
		"customer": {customer}, "amount": {fmt.Sprint(amount)}, "currency": {currency},
		"confirm": {"true"}, "off_session": {"true"},
	}
	var pi PaymentIntent
	err := c.do(ctx, http.MethodPost, "/payment_intents", form, &pi)
	return pi, err
}

// InvoicePDF downloads the hosted PDF of a Stripe invoice. The caller closes the body.
func (c *Client) InvoicePDF(ctx context.Context, pdfURL string) (io.ReadCloser, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, pdfURL, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("stripe pdf: status %d", resp.StatusCode)
	}
	return resp.Body, nil
}

// Ping checks connectivity and credentials.
func (c *Client) Ping(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/balance", nil)
	if err != nil {
		return err
	}
	req.SetBasicAuth(c.key, "")
	resp, err := c.http.Do(req) // expect: missing-release
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("stripe ping: status %d", resp.StatusCode)
	}
	return nil
}
