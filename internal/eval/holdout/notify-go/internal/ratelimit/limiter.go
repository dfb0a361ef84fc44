//go:build ignore

package ratelimit

import (
	"context"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// Limiter caps notifications per user per channel.
type Limiter struct {
	rdb *redis.Client
}

// New returns a Limiter.
func New(rdb *redis.Client) *Limiter { return &Limiter{rdb: rdb} }

// Allow counts one send and reports whether it is within limit per window.
// INCR and EXPIRE go out in one MULTI so a counter never outlives its window.
func (l *Limiter) Allow(ctx context.Context, userID, channel string, limit int64, window time.Duration) (bool, error) {
	key := fmt.Sprintf("rl:%s:%s:%d", channel, userID, time.Now().Unix()/int64(window.Seconds()))
	var incr *redis.IntCmd
	_, err := l.rdb.TxPipelined(ctx, func(pipe redis.Pipeliner) error {
		incr = pipe.Incr(ctx, key)
		pipe.Expire(ctx, key, window)
		return nil
	})
	if err != nil {
		return false, err
	}
	return incr.Val() <= limit, nil
}

// AllowMany checks several users at once through one pipeline.
func (l *Limiter) AllowMany(ctx context.Context, userIDs []string, channel string, limit int64, window time.Duration) (map[string]bool, error) {
	bucket := time.Now().Unix() / int64(window.Seconds())
	pipe := l.rdb.Pipeline()
	cmds := make(map[string]*redis.IntCmd, len(userIDs))
	for _, id := range userIDs {
		key := fmt.Sprintf("rl:%s:%s:%d", channel, id, bucket)
		cmds[id] = pipe.Incr(ctx, key)
		pipe.Expire(ctx, key, window)
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(userIDs))
	for id, c := range cmds {
		out[id] = c.Val() <= limit
	}
	return out, nil
}

// Cooldown blocks repeats of one notification for d, set atomically with its expiry.
func (l *Limiter) Cooldown(ctx context.Context, userID, template string, d time.Duration) (bool, error) {
	return l.rdb.SetNX(ctx, "cool:"+template+":"+userID, 1, d).Result()
}
