package weather

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

type Alert struct {
	Level string `json:"level"`
}

// Alerts reads the body but never closes it: the connection is not
// returned to the transport's pool.
func Alerts(region string) ([]Alert, error) {
	resp, err := http.Get("https://alerts.example.com/v1/" + region) // want "missing-release: resp.Body from http.Get is never closed \\(add defer resp.Body.Close\\(\\) after the error check\\)"
	if err != nil {
		return nil, err
	}
	var out []Alert
	err = json.NewDecoder(resp.Body).Decode(&out)
	return out, err
}

// Status closes the body only on the happy path.
func Status(c *http.Client, url string) (string, error) {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return "", err
	}
	resp, err := c.Do(req) // want "resp.Body from c.Do is not closed on the return at line 37"
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("status %d", resp.StatusCode)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}
