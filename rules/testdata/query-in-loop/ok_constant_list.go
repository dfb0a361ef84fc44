package stats

import (
	"context"
	"fmt"

	"github.com/redis/go-redis/v9"
	"gorm.io/gorm"
)

var reportTables = []string{"orders", "refunds", "payouts"}

type Service struct {
	db  *gorm.DB
	rdb *redis.Client
}

// A loop over a small constant list makes a fixed number of calls.
func (s *Service) Counts(ctx context.Context) (map[string]int64, error) {
	out := map[string]int64{}
	for _, t := range reportTables {
		var n int64
		if err := s.db.WithContext(ctx).Table(t).Count(&n).Error; err != nil {
			return nil, err
		}
		out[t] = n
	}
	for _, kind := range []string{"daily", "weekly", "monthly"} {
		v, err := s.rdb.Get(ctx, fmt.Sprintf("report:%s", kind)).Int64()
		if err != nil && err != redis.Nil {
			return nil, err
		}
		out[kind] = v
	}
	for shard := range 4 {
		s.rdb.Del(ctx, fmt.Sprintf("lock:%d", shard))
	}
	for i := 0; i < 3; i++ {
		s.rdb.Incr(ctx, "warmups")
	}
	return out, nil
}
