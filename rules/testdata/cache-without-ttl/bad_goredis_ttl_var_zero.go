package sessions

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

const sessionTTL = 0 // TODO: decide on a value

var tokenTTL time.Duration

var rdb = redis.NewClient(&redis.Options{Addr: "localhost:6379"})

func SaveSession(ctx context.Context, id string, data []byte) error {
	return rdb.Set(ctx, "session:"+id, data, sessionTTL).Err() // want "cache-without-ttl: .*`sessionTTL` is 0, declared on line 10"
}

func SaveToken(ctx context.Context, id, tok string) error {
	return rdb.Set(ctx, "token:"+id, tok, tokenTTL).Err() // want "cache-without-ttl: .*never assigned"
}

func SaveFlag(ctx context.Context, id string, permanent bool) error {
	ttl := 10 * time.Minute
	if permanent {
		ttl = 0
	}
	return rdb.Set(ctx, "flag:"+id, "1", ttl).Err() // want "cache-without-ttl: .*`ttl` is set to 0"
}
