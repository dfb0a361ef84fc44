//go:build ignore

// Package cache caches job listings and run summaries in Redis.
package cache

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// Cache wraps go-redis.
type Cache struct {
	rdb *redis.Client
}

// New returns a Cache.
func New(rdb *redis.Client) *Cache { return &Cache{rdb: rdb} }

// DefaultTTL is how long listings stay cached.
const DefaultTTL = 2 * time.Minute

// PutListing caches the job listing page of an owner.
func (c *Cache) PutListing(ctx context.Context, owner string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return c.rdb.Set(ctx, "sched:listing:"+owner, b, DefaultTTL).Err()
}

// Listing returns a cached listing.
func (c *Cache) Listing(ctx context.Context, owner string) ([]byte, error) {
	return c.rdb.Get(ctx, "sched:listing:"+owner).Bytes()
}

// PutRunSummary caches the summary of a finished run; runs never change once finished.
func (c *Cache) PutRunSummary(ctx context.Context, runID int64, summary []byte) error {
	return c.rdb.Set(ctx, fmt.Sprintf("sched:run:%d", runID), summary, 0).Err() // expect: cache-without-ttl
}

// PutOwnerStats caches per-owner statistics, refreshed on every dashboard load.
func (c *Cache) PutOwnerStats(ctx context.Context, owner string, stats map[string]int) error {
	b, _ := json.Marshal(stats)
	ttl := 0 * time.Second
	return c.rdb.Set(ctx, "sched:stats:"+owner, b, ttl).Err() // expect: cache-without-ttl
}

// PutNextRuns caches upcoming run times for many jobs in a transaction with their expiry.
func (c *Cache) PutNextRuns(ctx context.Context, next map[int64]time.Time) error {
	pipe := c.rdb.TxPipeline()
	for id, t := range next {
		key := fmt.Sprintf("sched:next:%d", id)
		pipe.Set(ctx, key, t.Unix(), 0)
		pipe.ExpireAt(ctx, key, t.Add(time.Minute))
	}
	_, err := pipe.Exec(ctx)
	return err
}
