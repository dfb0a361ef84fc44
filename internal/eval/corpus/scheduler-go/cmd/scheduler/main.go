//go:build ignore

package main

import (
	"context"
	"database/sql"
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/labstack/echo/v4"
	_ "github.com/lib/pq"
	"github.com/redis/go-redis/v9"

	"example.com/scheduler/internal/api"
	"example.com/scheduler/internal/cache"
	"example.com/scheduler/internal/config"
	"example.com/scheduler/internal/jobs"
	"example.com/scheduler/internal/metrics"
	"example.com/scheduler/internal/store"
)

func main() {
	cfg := config.MustLoad()
	db, err := sql.Open("postgres", cfg.DatabaseURL)
	if err != nil {
		log.Fatal(err)
	}
	rdb := redis.NewClient(&redis.Options{Addr: cfg.RedisAddr})
	st := store.New(db)
	c := cache.New(rdb)
	metrics.Register()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	sched := jobs.NewScheduler(st, jobs.NewLocker(rdb), cfg.ExportURL)
	go sched.Run(ctx)

	e := echo.New()
	api.Register(e, st, c, sched)
	go func() {
		<-ctx.Done()
		_ = e.Shutdown(context.Background())
	}()
	if err := e.Start(cfg.Addr); err != nil {
		log.Println(err)
	}
}
