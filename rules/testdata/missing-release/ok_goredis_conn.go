package locks

import (
	"context"

	"github.com/redis/go-redis/v9"
)

type Service struct {
	rdb *redis.Client
}

func (s *Service) Named(ctx context.Context, name string) (string, error) {
	cn := s.rdb.Conn()
	defer cn.Close()
	if err := cn.ClientSetName(ctx, name).Err(); err != nil {
		return "", err
	}
	return cn.Get(ctx, "owner:"+name).Result()
}

// Get on the client is a command, not an acquisition.
func (s *Service) Owner(ctx context.Context, name string) (string, error) {
	cmd := s.rdb.Get(ctx, "owner:"+name)
	return cmd.Result()
}

// Conn on something that is not a go-redis client.
type dialer interface {
	Conn() interface{ Ping(context.Context) error }
}

func check(ctx context.Context, d dialer) error {
	cn := d.Conn()
	return cn.Ping(ctx)
}

// Kept by the caller.
func (s *Service) Pin() *redis.Conn {
	cn := s.rdb.Conn()
	return cn
}
