package feed

import (
	"context"
	"time"

	"github.com/go-redis/redis/v8"
)

var cluster = redis.NewClusterClient(&redis.ClusterOptions{Addrs: []string{":7000"}})

func Push(ctx context.Context, user string, item string) error {
	key := "feed:" + user
	if err := cluster.LPush(ctx, key, item).Err(); err != nil {
		return err
	}
	cluster.LTrim(ctx, key, 0, 99)
	return cluster.Expire(ctx, key, 7*24*time.Hour).Err()
}

func Enqueue(ctx context.Context, job []byte) error {
	return cluster.RPush(ctx, "jobs:pending", job).Err()
}
