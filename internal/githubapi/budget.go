package githubapi

import (
	"context"
	"time"

	"golang.org/x/time/rate"
)

// writeBudget enforces WriteBudget for one installation: two token buckets
// (per minute and per hour) and a semaphore for writes in flight.
type writeBudget struct {
	disabled bool
	minute   *rate.Limiter
	hour     *rate.Limiter
	maxWait  time.Duration
	sem      chan struct{}
}

func newWriteBudget(wb WriteBudget) *writeBudget {
	if wb.Disabled {
		return &writeBudget{disabled: true}
	}
	// A bucket of size b refilled at r admits at most b + r*T requests in any
	// window T, so the refill rates leave room for the burst: PerMinute in any
	// minute and PerHour in any hour.
	minuteBurst := wb.Burst
	minuteRate := float64(wb.PerMinute-minuteBurst) / 60
	if minuteRate <= 0 {
		minuteRate = float64(wb.PerMinute) / 60
		minuteBurst = 1
	}
	hourBurst := wb.PerHour / 10
	if hourBurst < wb.Burst {
		hourBurst = wb.Burst
	}
	if hourBurst > wb.PerHour {
		hourBurst = wb.PerHour
	}
	hourRate := float64(wb.PerHour-hourBurst) / 3600
	if hourRate <= 0 {
		hourRate = float64(wb.PerHour) / 3600
		hourBurst = 1
	}
	return &writeBudget{
		minute:  rate.NewLimiter(rate.Limit(minuteRate), minuteBurst),
		hour:    rate.NewLimiter(rate.Limit(hourRate), hourBurst),
		maxWait: wb.MaxWait,
		sem:     make(chan struct{}, wb.Concurrency),
	}
}

// acquire waits for budget and a write slot. It returns a release func, or a
// *RateLimitedError{Local: true} when the budget would need more than maxWait,
// or the context's error.
func (b *writeBudget) acquire(ctx context.Context, route string) (func(), error) {
	if b == nil || b.disabled {
		return func() {}, nil
	}
	select {
	case b.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	release := func() { <-b.sem }

	now := time.Now()
	rm := b.minute.ReserveN(now, 1)
	rh := b.hour.ReserveN(now, 1)
	if !rm.OK() || !rh.OK() {
		rm.CancelAt(now)
		rh.CancelAt(now)
		release()
		return nil, &RateLimitedError{ResetAt: now.Add(time.Hour), Secondary: true, Local: true, Route: route,
			Message: "write budget cannot admit a request"}
	}
	delay := max(rm.DelayFrom(now), rh.DelayFrom(now))
	if delay > b.maxWait {
		rm.CancelAt(now)
		rh.CancelAt(now)
		release()
		return nil, &RateLimitedError{ResetAt: now.Add(delay), Secondary: true, Local: true, Route: route,
			Message: "per-installation write budget exhausted"}
	}
	if delay > 0 {
		t := time.NewTimer(delay)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			rm.Cancel()
			rh.Cancel()
			release()
			return nil, ctx.Err()
		}
	}
	return release, nil
}
