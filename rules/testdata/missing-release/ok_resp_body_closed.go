package weather

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

type Client struct {
	http *http.Client
	base string
}

func New(base string) *Client {
	return &Client{http: &http.Client{Timeout: 5 * time.Second}, base: base}
}

type Forecast struct {
	TempC float64 `json:"temp_c"`
}

func (c *Client) Forecast(city string) (*Forecast, error) {
	req, err := http.NewRequest(http.MethodGet, c.base+"/forecast?city="+city, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("forecast: %s", resp.Status)
	}
	var f Forecast
	if err := json.NewDecoder(resp.Body).Decode(&f); err != nil {
		return nil, err
	}
	return &f, nil
}

// Ping drains and closes the body so the connection is reused.
func Ping(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode >= 500 {
		return fmt.Errorf("unhealthy: %d", resp.StatusCode)
	}
	return nil
}

// Closed through a helper of the same file.
func Head(url string) (int, error) {
	resp, err := http.DefaultClient.Head(url)
	if err != nil {
		return 0, err
	}
	defer closeBody(resp)
	return resp.StatusCode, nil
}

func closeBody(resp *http.Response) {
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
}

// finish drains and closes; called without defer on each path.
func finish(resp *http.Response) {
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

func Notify(url string) error {
	resp, err := http.Post(url, "application/json", nil)
	if err != nil {
		return err
	}
	if resp.StatusCode >= 300 {
		finish(resp)
		return fmt.Errorf("notify: %s", resp.Status)
	}
	resp.Body.Close()
	return nil
}
