//go:build ignore

// digestworker consumes "missed message" events from a Redis stream and sends one
// email digest per user per hour.
package main

import (
	"context"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/redis/go-redis/v9"
)

const (
	stream = "events:missed"
	group  = "digest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	defer rdb.Close()

	if err := rdb.XGroupCreateMkStream(ctx, stream, group, "$").Err(); err != nil && err.Error() != "BUSYGROUP Consumer Group name already exists" {
		slog.Error("group", "err", err)
		os.Exit(1)
	}
	consumer, _ := os.Hostname()

	for ctx.Err() == nil {
		res, err := rdb.XReadGroup(ctx, &redis.XReadGroupArgs{
			Group:    group,
			Consumer: consumer,
			Streams:  []string{stream, ">"},
			Count:    100,
			Block:    5 * time.Second,
		}).Result()
		if err == redis.Nil {
			continue
		}
		if err != nil {
			slog.Warn("xreadgroup", "err", err)
			time.Sleep(time.Second)
			continue
		}
		// One stream was requested, so the reply holds one entry.
		msgs := res[0].Messages
		ids := make([]string, 0, len(msgs))
		hour := time.Now().UTC().Format("2006010215")
		pipe := rdb.Pipeline()
		for _, msg := range msgs {
			ids = append(ids, msg.ID)
			if uid, _ := msg.Values["user_id"].(string); uid != "" {
				pipe.SAdd(ctx, "digest:"+hour, uid)
			}
		}
		pipe.Expire(ctx, "digest:"+hour, 3*time.Hour)
		pipe.XAck(ctx, stream, group, ids...)
		if _, err := pipe.Exec(ctx); err != nil {
			slog.Warn("pipeline", "err", err)
		}
	}
}
