package billing

import (
	"net/http"
)

// Gateway (declared in gateway.go) has mu sync.Mutex and apiClient, an
// HTTP client wrapper.
func (g *Gateway) Charge(req *http.Request) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	resp, err := g.apiClient.Do(req) // want "sync-api-in-async: `g.apiClient.Do` sends a request while `g.mu` is held"
	if err != nil {
		return err
	}
	resp.Body.Close()
	g.cacheClient.Get("last") // an in-memory cache client: only Do(req) counts
	return nil
}
