package cache

import (
	"context"
	"encoding/json"
)

// Service is declared in service.go, where rdb is a *redis.Client; this file
// does not import go-redis itself.
func (s *Service) StoreUser(ctx context.Context, id string, u any) error {
	b, err := json.Marshal(u)
	if err != nil {
		return err
	}
	return s.rdb.Set(ctx, "user:"+id, b, 0).Err() // want "cache-without-ttl: .*s.rdb.Set.*expiration `0`"
}

func (s *Service) StoreOther(ctx context.Context, id string, b []byte) error {
	// An unknown wrapper called "cache" may apply its own TTL.
	return s.cache.Set(ctx, "other:"+id, b, 0).Err()
}
