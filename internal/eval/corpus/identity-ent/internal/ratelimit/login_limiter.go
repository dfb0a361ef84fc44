//go:build ignore

// Package ratelimit throttles login attempts per account and per IP.
package ratelimit

import (
	"context"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// LoginLimiter counts failed logins in Redis and keeps a local deny list.
type LoginLimiter struct {
	rdb    *redis.Client
	max    int64
	window time.Duration

	mu     sync.Mutex
	denied map[string]time.Time
}

// New returns a limiter allowing max failures per window.
func New(rdb *redis.Client, max int64, window time.Duration) *LoginLimiter {
	return &LoginLimiter{rdb: rdb, max: max, window: window, denied: map[string]time.Time{}}
}

// Fail records a failed attempt for key and reports whether key is now blocked.
func (l *LoginLimiter) Fail(ctx context.Context, key string) (bool, error) {
	k := "idp:login-fail:" + key
	pipe := l.rdb.TxPipeline()
	incr := pipe.Incr(ctx, k)
	pipe.Expire(ctx, k, l.window)
	if _, err := pipe.Exec(ctx); err != nil {
		return false, err
	}
	blocked := incr.Val() >= l.max
	if blocked {
		l.mu.Lock()
		l.denied[key] = time.Now().Add(l.window)
		l.mu.Unlock()
	}
	return blocked, nil
}

// Blocked reports whether key is blocked, consulting Redis when the local list has no entry.
func (l *LoginLimiter) Blocked(ctx context.Context, key string) (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if until, ok := l.denied[key]; ok {
		if time.Now().Before(until) {
			return true, nil
		}
		delete(l.denied, key)
	}
	n, err := l.rdb.Get(ctx, "idp:login-fail:"+key).Int64() // expect: sync-api-in-async
	if err == redis.Nil {
		return false, nil
	}
	return n >= l.max, err
}
