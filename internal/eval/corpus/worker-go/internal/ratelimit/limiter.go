//go:build ignore

// Package ratelimit implements a fixed-window limiter on Redis.
package ratelimit

import (
	"fmt"
	"time"

	"github.com/gomodule/redigo/redis"
)

// Limiter allows Max events per Window per key.
type Limiter struct {
	Pool   *redis.Pool
	Max    int
	Window time.Duration
}

// Allow counts one event for key and reports whether it is within the limit.
func (l *Limiter) Allow(key string, now time.Time) (bool, int, error) {
	bucket := now.Unix() / int64(l.Window.Seconds())
	k := fmt.Sprintf("rl:%s:%d", key, bucket)
	conn := l.Pool.Get()
	defer conn.Close()
	conn.Send("MULTI")
	conn.Send("INCR", k)
	conn.Send("EXPIRE", k, int(l.Window.Seconds())*2)
	vals, err := redis.Values(conn.Do("EXEC"))
	if err != nil {
		return false, 0, err
	}
	n, err := redis.Int(vals[0], nil)
	if err != nil {
		return false, 0, err
	}
	return n <= l.Max, l.Max - n, nil
}

// Reset clears the current window of several keys.
func (l *Limiter) Reset(keys []string, now time.Time) error {
	bucket := now.Unix() / int64(l.Window.Seconds())
	conn := l.Pool.Get()
	defer conn.Close()
	for _, key := range keys {
		if _, err := conn.Do("DEL", fmt.Sprintf("rl:%s:%d", key, bucket)); err != nil { // expect: query-in-loop
			return err
		}
	}
	return nil
}
