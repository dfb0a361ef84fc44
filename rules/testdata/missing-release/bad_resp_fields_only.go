package probe

import (
	"context"
	"net/http"
	"time"
)

var probeClient = &http.Client{Timeout: 3 * time.Second}

// Head returns only the status code; the body is never closed.
func Head(ctx context.Context, url string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := probeClient.Do(req) // want "missing-release: resp.Body from probeClient.Do is never closed"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

type Result struct {
	Code   int
	Status string
}

// Check copies fields of the response into a literal it passes on.
func Check(url string, report func(Result)) {
	resp, err := http.Post(url, "application/json", nil) // want "missing-release: resp.Body from http.Post is never closed"
	if err != nil {
		return
	}
	report(Result{Code: resp.StatusCode, Status: resp.Status})
}
