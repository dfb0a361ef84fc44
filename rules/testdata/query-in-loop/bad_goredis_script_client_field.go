package board

import (
	"context"

	"github.com/redis/go-redis/v9"
)

// Board's fields are declared in another file; `client` is handed to a
// go-redis Lua script below, so it is a Redis client.
var pruneScript = redis.NewScript(`
return redis.call("ZREMRANGEBYSCORE", KEYS[1], "-inf", ARGV[1])`)

func (b *Board) Prune(ctx context.Context, cutoff int64) error {
	return pruneScript.Run(ctx, b.client, []string{"board:members"}, cutoff).Err()
}

func (b *Board) Profiles(ctx context.Context, keys []string) []string {
	var out []string
	for _, key := range keys {
		v, err := b.client.Get(ctx, key).Result() // want "query-in-loop: .*b.client.Get"
		if err != nil {
			continue
		}
		out = append(out, v)
	}
	return out
}
