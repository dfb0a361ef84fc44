package kvstore

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

type Store struct {
	rdb    *redis.Client
	prefix string
}

func (s *Store) bg() context.Context { return context.Background() }

// Put is a storage adapter: the caller chooses the lifetime, and 0 means
// "keep it" by the adapter's contract. The literal 0 in the `ttlSeconds == 0`
// branch only passes the caller's choice through.
func (s *Store) Put(key string, val string, ttlSeconds int64) error {
	key = s.prefix + key
	if ttlSeconds == 0 {
		return s.rdb.Set(s.bg(), key, val, 0).Err()
	}
	return s.rdb.Set(s.bg(), key, val, time.Duration(ttlSeconds)*time.Second).Err()
}

func (s *Store) PutFor(ctx context.Context, key, val string, ttl time.Duration) error {
	if ttl <= 0 {
		return s.rdb.Set(ctx, key, val, 0).Err()
	}
	return s.rdb.Set(ctx, key, val, ttl).Err()
}
