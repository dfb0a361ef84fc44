// Package latest keeps the latest quote per symbol. Its name contains
// "test" and a parameter is named t, but nothing here is test code.
package latest

import (
	"context"

	"github.com/redis/go-redis/v9"
)

type Ticker struct{ Symbol string }

func Remember(ctx context.Context, rdb *redis.Client, t Ticker, quote []byte) error {
	return rdb.Set(ctx, "quote:"+t.Symbol, quote, 0).Err() // want "cache-without-ttl: .*rdb.Set"
}
