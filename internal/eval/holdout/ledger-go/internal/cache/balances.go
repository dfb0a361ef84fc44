//go:build ignore

package cache

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// Balances caches posted balances in Redis.
type Balances struct {
	rdb *redis.Client
	ttl time.Duration
}

// NewBalances returns a cache whose entries live for ttl.
func NewBalances(rdb *redis.Client, ttl time.Duration) *Balances {
	return &Balances{rdb: rdb, ttl: ttl}
}

func key(accountID int64) string { return "bal:" + strconv.FormatInt(accountID, 10) }

// Get returns the cached balance or loads and stores it.
func (b *Balances) Get(ctx context.Context, accountID int64, load func() (int64, error)) (int64, error) {
	v, err := b.rdb.Get(ctx, key(accountID)).Int64()
	if err == nil {
		return v, nil
	}
	if !errors.Is(err, redis.Nil) {
		return 0, fmt.Errorf("cache read: %w", err)
	}
	v, err = load()
	if err != nil {
		return 0, err
	}
	if err := b.rdb.Set(ctx, key(accountID), v, b.ttl).Err(); err != nil {
		return v, nil // the cache is best effort
	}
	return v, nil
}

// GetMany reads several balances in one MGET; misses are absent from the map.
func (b *Balances) GetMany(ctx context.Context, ids []int64) (map[int64]int64, error) {
	keys := make([]string, len(ids))
	for i, id := range ids {
		keys[i] = key(id)
	}
	vals, err := b.rdb.MGet(ctx, keys...).Result()
	if err != nil {
		return nil, err
	}
	out := make(map[int64]int64, len(ids))
	for i, v := range vals {
		if s, ok := v.(string); ok {
			if n, err := strconv.ParseInt(s, 10, 64); err == nil {
				out[ids[i]] = n
			}
		}
	}
	return out, nil
}

// Warm stores many balances through one pipeline, each with the cache TTL.
func (b *Balances) Warm(ctx context.Context, balances map[int64]int64) error {
	pipe := b.rdb.Pipeline()
	for id, v := range balances {
		pipe.Set(ctx, key(id), v, b.ttl)
	}
	_, err := pipe.Exec(ctx)
	return err
}

// Pin stores the frozen balance of a closed account. Closed accounts never
// change, so the value is written without expiry.
func (b *Balances) Pin(ctx context.Context, accountID, balance int64) error {
	return b.rdb.Set(ctx, key(accountID)+":closed", balance, 0).Err() // expect: cache-without-ttl
}

// Touch keeps the entry but refreshes its value, preserving the current TTL.
func (b *Balances) Touch(ctx context.Context, accountID, balance int64) error {
	return b.rdb.Set(ctx, key(accountID), balance, redis.KeepTTL).Err()
}

// Invalidate drops cached balances after a write.
func (b *Balances) Invalidate(ctx context.Context, ids ...int64) {
	keys := make([]string, 0, len(ids))
	for _, id := range ids {
		keys = append(keys, key(id))
	}
	_ = b.rdb.Del(ctx, keys...).Err()
}

// Counters keeps per-day counters; the key and its expiry are set together.
func (b *Balances) CountTransfer(ctx context.Context, accountID int64, day time.Time) error {
	k := fmt.Sprintf("xfers:%d:%s", accountID, day.Format("20060102"))
	_, err := b.rdb.TxPipelined(ctx, func(pipe redis.Pipeliner) error {
		pipe.Incr(ctx, k)
		pipe.Expire(ctx, k, 48*time.Hour)
		return nil
	})
	return err
}
