package banners

import (
	"context"
	"flag"
	"time"

	"github.com/redis/go-redis/v9"
)

type Store struct{ rdb *redis.Client }

var defaultTTL = flag.Duration("ttl", time.Hour, "cache TTL")

// Expirations declared 0 that every path sets, or that are checked before
// the write.

func (s *Store) Both(ctx context.Context, k string, long bool) error {
	var ttl time.Duration
	if long {
		ttl = 24 * time.Hour
	} else {
		ttl = time.Hour
	}
	return s.rdb.Set(ctx, k, "v", ttl).Err()
}

func (s *Store) Defaulted(ctx context.Context, k string, override string) error {
	var ttl time.Duration
	if d, err := time.ParseDuration(override); err == nil {
		ttl = d
	}
	if ttl <= 0 {
		ttl = *defaultTTL
	}
	return s.rdb.Set(ctx, k, "v", ttl).Err()
}

func (s *Store) Guarded(ctx context.Context, k string, override string) error {
	var ttl time.Duration
	if d, err := time.ParseDuration(override); err == nil {
		ttl = d
	}
	if ttl == 0 {
		return nil
	}
	return s.rdb.Set(ctx, k, "v", ttl).Err()
}

func (s *Store) Switched(ctx context.Context, k, tier string) error {
	var ttl time.Duration
	switch tier {
	case "gold":
		ttl = 24 * time.Hour
	default:
		ttl = time.Hour
	}
	return s.rdb.Set(ctx, k, "v", ttl).Err()
}

func (s *Store) Parsed(ctx context.Context, k, raw string) error {
	var ttl time.Duration
	var err error
	if ttl, err = time.ParseDuration(raw); err != nil {
		return err
	}
	return s.rdb.Set(ctx, k, "v", ttl).Err()
}

func (s *Store) Filled(ctx context.Context, k string, fill func(*time.Duration)) error {
	var ttl time.Duration
	fill(&ttl)
	if k == "" {
		ttl = time.Minute
	}
	return s.rdb.Set(ctx, k, "v", ttl).Err()
}

func (s *Store) Unconditional(ctx context.Context, k string, cfg struct{ TTL time.Duration }) error {
	var ttl time.Duration
	ttl = cfg.TTL
	if k == "hot" {
		ttl = time.Minute
	}
	return s.rdb.Set(ctx, k, "v", ttl).Err()
}

func (s *Store) Inside(ctx context.Context, k string, minutes int) error {
	var ttl time.Duration
	if minutes > 0 {
		ttl = time.Duration(minutes) * time.Minute
		return s.rdb.Set(ctx, k, "v", ttl).Err()
	}
	return nil
}
