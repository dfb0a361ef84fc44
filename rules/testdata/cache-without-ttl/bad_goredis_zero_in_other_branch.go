package kvstore2

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

type Store struct{ rdb *redis.Client }

// The branch condition is not about the caller's TTL: a 0 here is this
// function's own decision to keep the key forever.
func (s *Store) Save(ctx context.Context, key, val string, pinned bool, ttl time.Duration) error {
	if pinned {
		return s.rdb.Set(ctx, key, val, 0).Err() // want "cache-without-ttl: .*s.rdb.Set.*expiration `0`"
	}
	return s.rdb.Set(ctx, key, val, ttl).Err()
}

// The parameter is compared with 0, but the zero branch does not pass it
// through: a negative TTL also reaches the forever write.
func (s *Store) SaveFor(ctx context.Context, key, val string, ttl time.Duration) error {
	if ttl > 0 {
		return s.rdb.Set(ctx, key, val, ttl).Err()
	}
	if ttl != 0 {
		return s.rdb.Set(ctx, key, val, 0).Err() // want "cache-without-ttl: .*s.rdb.Set.*expiration `0`"
	}
	return nil
}

var limit = 0

func (s *Store) SaveLimited(ctx context.Context, key, val string) error {
	if limit == 0 {
		return s.rdb.Set(ctx, key, val, 0).Err() // want "cache-without-ttl: .*s.rdb.Set.*expiration `0`"
	}
	return nil
}
