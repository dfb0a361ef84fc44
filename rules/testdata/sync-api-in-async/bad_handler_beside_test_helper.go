package fixtures

import (
	"io"
	"net/http"
	"testing"
)

// A production handler in a file that also has test helpers: the handler
// itself takes no *testing.T, so it is still request-path code.
func relay(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequest(http.MethodGet, "https://upstream.example.com"+r.URL.Path, nil)
	resp, err := http.DefaultClient.Do(req) // want "sync-api-in-async: `http.DefaultClient.Do` inside HTTP handler `relay` sends a request with no context"
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

// testingMode is a config flag, not a *testing.T: the handler built here
// serves real requests.
func newRelay(testingMode bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		resp, err := http.Get("https://upstream.example.com/health") // want "sync-api-in-async: `http.Get` inside HTTP handler"
		if err == nil {
			resp.Body.Close()
		}
	}
}

func helper(t *testing.T) { t.Helper() }
