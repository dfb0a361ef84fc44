//go:build ignore

package main

import (
	"context"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/gomodule/redigo/redis"

	"example.com/worker/internal/cache"
	"example.com/worker/internal/db"
	"example.com/worker/internal/jobs"
	"example.com/worker/internal/notify"
)

func main() {
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	pool, err := db.Open(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Error("connecting to postgres", "err", err)
		os.Exit(1)
	}
	defer pool.Close()

	redisPool := &redis.Pool{
		MaxIdle:     8,
		IdleTimeout: 4 * time.Minute,
		Dial: func() (redis.Conn, error) {
			return redis.Dial("tcp", os.Getenv("REDIS_ADDR"),
				redis.DialConnectTimeout(2*time.Second), redis.DialReadTimeout(3*time.Second))
		},
	}
	defer redisPool.Close()

	slack := notify.NewSlack(os.Getenv("SLACK_WEBHOOK_URL"))
	runner := jobs.NewRunner(pool, cache.New(redisPool), slack, log)
	if err := runner.Run(ctx); err != nil {
		log.Error("worker stopped", "err", err)
		os.Exit(1)
	}
}
