package cart

import (
	"context"
	"strconv"

	"github.com/redis/go-redis/v9"
)

type Cart struct {
	rdb redis.UniversalClient
}

func (c *Cart) Prices(ctx context.Context, skus []string) (map[string]int, error) {
	out := make(map[string]int, len(skus))
	for _, sku := range skus {
		v, err := c.rdb.Get(ctx, "price:"+sku).Result() // want "query-in-loop: c.rdb.Get runs once per iteration of the loop on line 16 \\(one cache round trip per item\\); batch the keys with MGet, or queue the commands on one Pipeline"
		if err == redis.Nil {
			continue
		} else if err != nil {
			return nil, err
		}
		out[sku], _ = strconv.Atoi(v)
	}
	return out, nil
}

func Touch(ctx context.Context, rdb *redis.Client, ids []string) {
	for _, id := range ids {
		rdb.Expire(ctx, "sess:"+id, 0) // want "rdb.Expire runs once per iteration .*queue the writes on one Pipeline"
	}
}
