//go:build ignore

package recon

import (
	"context"
	"time"
)

// Schedule runs r every interval until ctx ends. A failed run is retried a
// few times with backoff before waiting for the next tick.
func Schedule(ctx context.Context, r *Reconciler, interval time.Duration) {
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	last := time.Now().Add(-interval)
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-ticker.C:
			if err := runWithRetry(ctx, r, last); err != nil {
				r.log.ErrorContext(ctx, "reconciliation failed", "err", err)
				continue
			}
			last = now
		}
	}
}

func runWithRetry(ctx context.Context, r *Reconciler, since time.Time) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = r.Run(ctx, since); err == nil {
			return nil
		}
		backoff := time.Duration(1<<attempt) * 2 * time.Second
		r.log.WarnContext(ctx, "reconciliation attempt failed", "attempt", attempt+1, "retry_in", backoff, "err", err)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(backoff):
		}
	}
	return err
}
