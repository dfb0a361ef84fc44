package jobs

import (
	"context"

	"github.com/redis/go-redis/v9"
)

type runtimeCtx struct{}

func (runtimeCtx) ShutdownContext() context.Context { return context.Background() }

var rt runtimeCtx

// A dedup set and a key index whose members are removed by other methods
// of the same type: they hold live entries, not a growing cache.
type dedupQueue struct {
	rdb      redis.UniversalClient
	names    struct{ Members, Index string }
	indexKey string
}

func (q *dedupQueue) Push(ctx context.Context, item []byte) (bool, error) {
	added, err := q.rdb.SAdd(ctx, q.names.Members, item).Result()
	return added == 1, err
}

func (q *dedupQueue) Pop(ctx context.Context, item []byte) error {
	return q.rdb.SRem(ctx, q.names.Members, item).Err()
}

func (q *dedupQueue) Remember(key string) error {
	return q.rdb.HSet(rt.ShutdownContext(), q.indexKey, key, "1").Err()
}

func (q *dedupQueue) Forget(key string) error {
	return q.rdb.HDel(rt.ShutdownContext(), q.indexKey, key).Err()
}

const seenKey = "seen-ids"

func markSeen(ctx context.Context, rdb *redis.Client, id string) error {
	return rdb.ZAdd(ctx, seenKey, redis.Z{Member: id}).Err()
}

func trimSeen(ctx context.Context, rdb *redis.Client, upto string) error {
	return rdb.ZRemRangeByScore(ctx, seenKey, "-inf", upto).Err()
}
