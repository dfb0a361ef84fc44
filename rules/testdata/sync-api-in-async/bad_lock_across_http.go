package rates

import (
	"encoding/json"
	"net/http"
	"sync"
	"time"
)

type Rates struct {
	mu      sync.Mutex
	fetched time.Time
	values  map[string]float64
}

// Current refreshes the rates when they are stale. The refresh happens with
// the mutex held, so every caller waits for the HTTP round trip.
func (r *Rates) Current() (map[string]float64, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if time.Since(r.fetched) < time.Minute {
		return r.values, nil
	}
	resp, err := http.Get("https://rates.example.com/latest") // want "sync-api-in-async: `http.Get` makes an HTTP request while `r.mu` is held"
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var v map[string]float64
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
		return nil, err
	}
	r.values, r.fetched = v, time.Now()
	return v, nil
}
