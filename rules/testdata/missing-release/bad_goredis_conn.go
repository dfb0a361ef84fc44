package locks

import (
	"context"

	"github.com/redis/go-redis/v9"
)

type Service struct {
	rdb *redis.Client
}

// Conn takes one connection out of the pool for commands that need the same
// connection (CLIENT SETNAME, SELECT); it must be closed to go back.
func (s *Service) Named(ctx context.Context, name string) (string, error) {
	cn := s.rdb.Conn() // want "missing-release: cn from s.rdb.Conn is not closed on the return at line 18 \\(add defer cn.Close\\(\\) right after it\\)"
	if err := cn.ClientSetName(ctx, name).Err(); err != nil {
		return "", err
	}
	v, err := cn.Get(ctx, "owner:"+name).Result()
	cn.Close()
	return v, err
}
