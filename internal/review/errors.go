package review

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hotpath-app/hotpath/internal/githubapi"
	"github.com/hotpath-app/hotpath/internal/queue"
)

// RateLimitedError is returned by Review when GitHub (or the App's own
// per-installation write budget) asks to wait: the queue snoozes the job
// for RetryAfter() without using up an attempt. It wraps the
// *githubapi.RateLimitedError.
type RateLimitedError struct {
	Err  error
	Wait time.Duration
}

func (e *RateLimitedError) Error() string { return e.Err.Error() }

// Unwrap returns the GitHub error.
func (e *RateLimitedError) Unwrap() error { return e.Err }

// RetryAfter implements queue.RetryAfter.
func (e *RateLimitedError) RetryAfter() time.Duration { return e.Wait }

var _ queue.RetryAfter = (*RateLimitedError)(nil)

// classify maps a pipeline error onto what the queue understands: rate
// limits get a RetryAfter method (snooze), errors that cannot go away by
// retrying (404 for the repository, pull request or installation; other 4xx
// such as missing permissions; invalid jobs) are queue.Permanent, and the
// rest (5xx, timeouts, connection errors, cancelled contexts) are returned
// as they are, to be retried with backoff.
func classify(err error) error {
	if err == nil {
		return nil
	}
	var ra queue.RetryAfter
	if errors.As(err, &ra) || queue.IsPermanent(err) {
		return err
	}
	if d, ok := githubapi.RetryAfter(err); ok {
		return &RateLimitedError{Err: err, Wait: d}
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if errors.Is(err, githubapi.ErrNotFound) {
		return queue.Permanent(err)
	}
	if githubapi.IsRetryable(err) {
		return err
	}
	var (
		ae *githubapi.APIError
		ue *githubapi.UnprocessableError
	)
	if errors.As(err, &ae) || errors.As(err, &ue) || errors.Is(err, errInvalidJob) {
		return queue.Permanent(err)
	}
	return err
}

var errInvalidJob = errors.New("review: invalid job")

// isRateLimited reports whether err asks to wait.
func isRateLimited(err error) bool {
	var ra queue.RetryAfter
	if errors.As(err, &ra) {
		return true
	}
	_, ok := githubapi.RetryAfter(err)
	return ok
}

// firstError picks the error to act on among concurrent failures: a 404
// (the repository or pull request is gone) wins, then a rate limit, then
// the first one.
func firstError(errs ...error) error {
	var first, limited error
	for _, err := range errs {
		if err == nil {
			continue
		}
		if errors.Is(err, githubapi.ErrNotFound) {
			return err
		}
		if limited == nil && isRateLimited(err) {
			limited = err
		}
		if first == nil {
			first = err
		}
	}
	if limited != nil {
		return limited
	}
	return first
}

// describe renders an error for a check run summary: its first line (a
// panic's stack trace stays in the logs), bounded. githubapi errors are
// already free of credentials.
func describe(err error) string {
	if err == nil {
		return "unknown error"
	}
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSpace(s)
	if len(s) > 500 {
		cut := 500
		for cut > 0 && !isRuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	if s == "" {
		return fmt.Sprintf("%T", err)
	}
	return s
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
