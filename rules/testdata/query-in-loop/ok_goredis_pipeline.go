package cart

import (
	"context"

	"github.com/redis/go-redis/v9"
)

func Prices(ctx context.Context, rdb *redis.Client, skus []string) ([]*redis.StringCmd, error) {
	pipe := rdb.Pipeline()
	cmds := make([]*redis.StringCmd, len(skus))
	for i, sku := range skus {
		cmds[i] = pipe.Get(ctx, "price:"+sku)
	}
	_, err := pipe.Exec(ctx)
	return cmds, err
}

func Touch(ctx context.Context, rdb *redis.Client, ids []string) error {
	_, err := rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for _, id := range ids {
			p.Expire(ctx, "sess:"+id, 0)
		}
		return nil
	})
	return err
}

func Many(ctx context.Context, rdb *redis.Client, keys []string) ([]any, error) {
	return rdb.MGet(ctx, keys...).Result()
}
