package locks

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

func TryLock(ctx context.Context, rdb *redis.Client, name string) (bool, error) {
	err := rdb.SetArgs(ctx, "lock:"+name, "1", redis.SetArgs{Mode: "NX"}).Err() // want "cache-without-ttl: .*SetArgs.*no `TTL`"
	return err == nil, err
}

func TryLockFor(ctx context.Context, rdb *redis.Client, name string) (bool, error) {
	err := rdb.SetArgs(ctx, "lock:"+name, "1", redis.SetArgs{Mode: "NX", TTL: 30 * time.Second}).Err()
	return err == nil, err
}
