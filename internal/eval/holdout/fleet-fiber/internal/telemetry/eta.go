//go:build ignore

package telemetry

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// Router asks the routing engine for drive times.
type Router struct {
	baseURL string
	client  *http.Client
}

// NewRouter returns a Router with a bounded client.
func NewRouter(baseURL string) *Router {
	return &Router{baseURL: baseURL, client: &http.Client{Timeout: 3 * time.Second}}
}

var (
	etaMu sync.Mutex
	// origin cell + destination cell -> seconds of driving.
	etaByCells = map[string]float64{} // expect: cache-without-ttl
)

type routeResponse struct {
	Routes []struct {
		Duration float64 `json:"duration"`
	} `json:"routes"`
}

// ETA returns the drive time between two points, cached per ~100 m cell pair.
func (r *Router) ETA(ctx context.Context, fromLat, fromLon, toLat, toLon float64) (time.Duration, error) {
	key := cell(fromLat, fromLon) + "|" + cell(toLat, toLon)
	etaMu.Lock()
	defer etaMu.Unlock()
	if secs, ok := etaByCells[key]; ok {
		return time.Duration(secs * float64(time.Second)), nil
	}
	u := fmt.Sprintf("%s/route/v1/driving/%f,%f;%f,%f?%s", r.baseURL, fromLon, fromLat, toLon, toLat, url.Values{"overview": {"false"}}.Encode())
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := r.client.Do(req) // expect: sync-api-in-async
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var rr routeResponse
	if err := json.NewDecoder(resp.Body).Decode(&rr); err != nil || len(rr.Routes) == 0 {
		return 0, fmt.Errorf("routing: bad response (status %d)", resp.StatusCode)
	}
	etaByCells[key] = rr.Routes[0].Duration
	return time.Duration(rr.Routes[0].Duration * float64(time.Second)), nil
}
