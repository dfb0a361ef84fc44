package ratelimit

import (
	"context"
	"time"

	"github.com/gomodule/redigo/redis"
)

type Limiter struct {
	pool   *redis.Pool
	window time.Duration
}

// A connection borrowed from the pool goes back only on the success path:
// each failed INCR keeps one of MaxActive connections out of the pool.
func (l *Limiter) Allow(key string, max int) (bool, error) {
	c := l.pool.Get() // want "missing-release: c from l.pool.Get is not closed on the return at line 21 \\(add defer c.Close\\(\\) right after it\\)"
	n, err := redis.Int(c.Do("INCR", "rl:"+key))
	if err != nil {
		return false, err
	}
	if n == 1 {
		if _, err := c.Do("PEXPIRE", "rl:"+key, l.window.Milliseconds()); err != nil {
			c.Close()
			return false, err
		}
	}
	c.Close()
	return n <= max, nil
}

// Never closed at all.
func Reset(pool *redis.Pool, key string) error {
	conn := pool.Get() // want "missing-release: conn from pool.Get is never closed \\(add defer conn.Close\\(\\) right after it\\)"
	_, err := conn.Do("DEL", "rl:"+key)
	return err
}

// The context form returns an error as well.
func (l *Limiter) Peek(ctx context.Context, key string) (int, error) {
	conn, err := l.pool.GetContext(ctx) // want "missing-release: conn from l.pool.GetContext is never closed \\(add defer conn.Close\\(\\) after the error check\\)"
	if err != nil {
		return 0, err
	}
	return redis.Int(conn.Do("GET", "rl:"+key))
}

var shared = &redis.Pool{MaxIdle: 4, Dial: func() (redis.Conn, error) { return redis.Dial("tcp", ":6379") }}

// A pool built at package level, used through MULTI/EXEC.
func Transfer(from, to string, n int) error {
	conn := shared.Get() // want "missing-release: conn from shared.Get is not closed on the return at line 55"
	if err := conn.Send("MULTI"); err != nil {
		return err
	}
	conn.Send("DECRBY", from, n)
	conn.Send("INCRBY", to, n)
	if _, err := conn.Do("EXEC"); err != nil {
		return err
	}
	return conn.Close()
}
