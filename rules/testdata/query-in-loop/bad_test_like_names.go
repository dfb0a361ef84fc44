// Package backtest replays a trading strategy against stored prices. Its
// name ends in "test" and a parameter is called tb, but it is production
// code: it imports no testing package.
package backtest

import (
	"context"

	"github.com/redis/go-redis/v9"
)

type TickBuffer struct{ ticks []string }

func Replay(ctx context.Context, tb *TickBuffer, rdb *redis.Client) ([]string, error) {
	var prices []string
	for _, sym := range tb.ticks {
		p, err := rdb.Get(ctx, "price:"+sym).Result() // want "query-in-loop: .*rdb.Get"
		if err != nil {
			return nil, err
		}
		prices = append(prices, p)
	}
	return prices, nil
}
