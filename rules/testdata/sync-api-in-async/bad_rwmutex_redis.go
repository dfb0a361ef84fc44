package flags

import (
	"context"
	"sync"

	"github.com/redis/go-redis/v9"
)

var (
	rdb   = redis.NewClient(&redis.Options{Addr: "localhost:6379"})
	mu    sync.RWMutex
	flags = map[string]bool{}
)

func Enabled(ctx context.Context, name string) bool {
	mu.RLock()
	defer mu.RUnlock()
	if v, ok := flags[name]; ok {
		return v
	}
	v, _ := rdb.Get(ctx, "flag:"+name).Bool() // want "sync-api-in-async: `rdb.Get` calls Redis while `mu` is held"
	return v
}
