//go:build ignore

// Package httpx has small HTTP helpers.
package httpx

import (
	"context"
	"errors"
	"math/rand/v2"
	"net"
	"net/http"
	"time"
)

// Retry calls fn up to attempts times, backing off exponentially with jitter
// while the error is temporary or the status is 429/5xx.
func Retry(ctx context.Context, attempts int, base time.Duration, fn func() (*http.Response, error)) (*http.Response, error) {
	var lastErr error
	for i := 0; i < attempts; i++ {
		resp, err := fn()
		if err == nil && resp.StatusCode < 500 && resp.StatusCode != http.StatusTooManyRequests {
			return resp, nil
		}
		if err == nil {
			resp.Body.Close()
			lastErr = errors.New(resp.Status)
		} else {
			lastErr = err
			var ne net.Error
			if !errors.As(err, &ne) || !ne.Timeout() {
				return nil, err
			}
		}
		sleep := base<<i + time.Duration(rand.Int64N(int64(base)))
		t := time.NewTimer(sleep)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		case <-t.C:
		}
	}
	return nil, lastErr
}
