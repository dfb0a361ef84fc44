package sessions

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

const cacheTTL = 15 * time.Minute

type Store struct {
	rdb redis.UniversalClient
	ttl time.Duration
}

func (s *Store) Put(ctx context.Context, id string, v []byte) error {
	return s.rdb.Set(ctx, "k:"+id, v, time.Hour).Err()
}

func (s *Store) PutConst(ctx context.Context, id string, v []byte) error {
	return s.rdb.Set(ctx, "c:"+id, v, cacheTTL).Err()
}

func (s *Store) PutConfigured(ctx context.Context, id string, v []byte) error {
	return s.rdb.Set(ctx, "cfg:"+id, v, s.ttl).Err()
}

func (s *Store) Replace(ctx context.Context, id string, v []byte) error {
	return s.rdb.Set(ctx, "k:"+id, v, redis.KeepTTL).Err()
}

func (s *Store) PutFor(ctx context.Context, id string, v []byte, ttl time.Duration) error {
	return s.rdb.SetNX(ctx, "n:"+id, v, ttl).Err()
}

func (s *Store) PutEx(ctx context.Context, id string, v []byte) error {
	return s.rdb.SetEx(ctx, "e:"+id, v, time.Minute).Err()
}
