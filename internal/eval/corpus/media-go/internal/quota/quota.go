//go:build ignore

// Package quota enforces per-owner storage quotas.
package quota

import (
	"context"
	"fmt"
	"time"

	"github.com/gomodule/redigo/redis"
	gocache "github.com/patrickmn/go-cache"

	"example.com/media/internal/db"
)

const defaultQuotaBytes = 5 << 30

// Quota checks uploads against each owner's limit.
type Quota struct {
	pool   *redis.Pool
	repo   *db.Repo
	limits *gocache.Cache
}

// New returns a Quota whose per-owner limits are cached without expiry.
func New(pool *redis.Pool, repo *db.Repo) *Quota {
	return &Quota{
		pool:   pool,
		repo:   repo,
		limits: gocache.New(gocache.NoExpiration, 10*time.Minute), // expect: cache-without-ttl
	}
}

func usageKey(owner int64) string { return fmt.Sprintf("media:usage:%d", owner) }

// Allow reports whether owner may store size more bytes.
func (q *Quota) Allow(ctx context.Context, owner, size int64) (bool, error) {
	limit := int64(defaultQuotaBytes)
	if v, ok := q.limits.Get(fmt.Sprint(owner)); ok {
		limit = v.(int64)
	}
	conn := q.pool.Get()
	defer conn.Close()
	used, err := redis.Int64(conn.Do("GET", usageKey(owner)))
	if err == redis.ErrNil {
		used, err = q.repo.UsedBytes(ctx, owner)
		if err != nil {
			return false, err
		}
		if _, err := conn.Do("SET", usageKey(owner), used, "EX", 300); err != nil {
			return false, err
		}
	} else if err != nil {
		return false, err
	}
	return used+size <= limit, nil
}

// SetLimit overrides an owner's quota.
func (q *Quota) SetLimit(owner, bytes int64) {
	q.limits.Set(fmt.Sprint(owner), bytes, gocache.DefaultExpiration)
}

// RecordUsage adds bytes to the cached usage counter.
func (q *Quota) RecordUsage(owner, bytes int64) error {
	conn := q.pool.Get()
	defer conn.Close()
	if _, err := conn.Do("INCRBY", usageKey(owner), bytes); err != nil {
		return err
	}
	_, err := conn.Do("EXPIRE", usageKey(owner), 300)
	return err
}

// Freeze blocks uploads for an owner until an operator lifts it.
func (q *Quota) Freeze(owner int64, reason string) error {
	conn := q.pool.Get()
	defer conn.Close()
	_, err := conn.Do("SET", fmt.Sprintf("media:frozen:%d", owner), reason) // expect: cache-without-ttl
	return err
}
