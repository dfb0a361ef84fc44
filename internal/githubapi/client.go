package githubapi

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"time"

	"github.com/google/go-github/v60/github"
)

// Client talks to GitHub as one installation of the App. Get it from
// Clients.ForInstallation. Safe for concurrent use.
type Client struct {
	cs             *Clients
	installationID int64
	gh             *github.Client
	http           *http.Client
	budget         *writeBudget
}

// InstallationID returns the installation this client acts as.
func (c *Client) InstallationID() int64 { return c.installationID }

type opKind int

const (
	opRead  opKind = iota // idempotent: retried on 5xx/timeouts
	opWrite               // content-creating: write budget, never retried after a response
)

// call runs fn with a per-attempt timeout, classifies its error, waits out
// short rate limits, and retries idempotent reads with jittered backoff.
func call(ctx context.Context, cfg *Config, budget *writeBudget, kind opKind, route string,
	fn func(ctx context.Context) (*github.Response, error)) error {
	attempts := 1
	if kind == opRead {
		attempts = cfg.MaxAttempts
	}
	rateLimitRetried := false
	for attempt := 1; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		release := func() {}
		if kind == opWrite {
			var err error
			if release, err = budget.acquire(ctx, route); err != nil {
				return err
			}
		}
		actx, cancel := context.WithTimeout(ctx, cfg.HTTPTimeout)
		resp, err := fn(actx)
		cancel()
		release()
		if err == nil {
			return nil
		}
		err = classify(ctx, route, resp, err)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		var rl *RateLimitedError
		if errors.As(err, &rl) {
			wait := time.Until(rl.ResetAt)
			if !rateLimitRetried && cfg.MaxInlineWait > 0 && wait <= cfg.MaxInlineWait {
				rateLimitRetried = true
				if serr := sleep(ctx, wait); serr != nil {
					return serr
				}
				attempt-- // a waited-out rate limit does not use up an attempt
				continue
			}
			return err
		}
		if attempt >= attempts || !IsRetryable(err) {
			return err
		}
		if serr := sleep(ctx, backoff(cfg.RetryBaseDelay, attempt)); serr != nil {
			return serr
		}
	}
}

// classify passes already-typed errors through and converts the rest.
func classify(ctx context.Context, route string, resp *github.Response, err error) error {
	var (
		rl *RateLimitedError
		ue *UnprocessableError
		ae *APIError
		te *TransportError
	)
	if errors.As(err, &rl) || errors.As(err, &ue) || errors.As(err, &ae) || errors.As(err, &te) {
		return err
	}
	return classifyDoError(ctx, route, resp, err)
}

func backoff(base time.Duration, attempt int) time.Duration {
	d := base << (attempt - 1)
	if d > 10*time.Second || d <= 0 {
		d = 10 * time.Second
	}
	// Jitter in [d/2, d).
	return d/2 + rand.N(d/2+1)
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (c *Client) read(ctx context.Context, route string, fn func(ctx context.Context) (*github.Response, error)) error {
	return c.checkAuth(call(ctx, &c.cs.cfg, c.budget, opRead, route, fn))
}

func (c *Client) write(ctx context.Context, route string, fn func(ctx context.Context) (*github.Response, error)) error {
	return c.checkAuth(call(ctx, &c.cs.cfg, c.budget, opWrite, route, fn))
}

// checkAuth drops the cached transport when GitHub rejects its token (401:
// revoked or expired early), so the next ForInstallation mints a new one.
func (c *Client) checkAuth(err error) error {
	var ae *APIError
	if errors.As(err, &ae) && ae.Status == http.StatusUnauthorized {
		c.cs.forget(c)
	}
	return err
}
