//go:build ignore

// Package jobs runs scheduled jobs with a Redis lock per run.
package jobs

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"time"

	"github.com/redis/go-redis/v9"
)

// ErrLocked is returned when another instance holds the lock.
var ErrLocked = errors.New("jobs: locked elsewhere")

var unlockScript = redis.NewScript(`
if redis.call("GET", KEYS[1]) == ARGV[1] then
  return redis.call("DEL", KEYS[1])
end
return 0`)

// Locker hands out short-lived distributed locks.
type Locker struct {
	rdb *redis.Client
}

// NewLocker returns a Locker.
func NewLocker(rdb *redis.Client) *Locker { return &Locker{rdb: rdb} }

// Acquire takes the lock for ttl and returns a function that releases it.
func (l *Locker) Acquire(ctx context.Context, name string, ttl time.Duration) (func(), error) {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	token := hex.EncodeToString(b)
	key := "sched:lock:" + name
	ok, err := l.rdb.SetNX(ctx, key, token, ttl).Result()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrLocked
	}
	return func() {
		_ = unlockScript.Run(context.Background(), l.rdb, []string{key}, token).Err()
	}, nil
}

// Heartbeat records that this instance is alive; the dashboard shows the last beat.
func (l *Locker) Heartbeat(ctx context.Context, instance string) error {
	return l.rdb.Set(ctx, "sched:heartbeat:"+instance, time.Now().Unix(), 0).Err() // expect: cache-without-ttl
}
