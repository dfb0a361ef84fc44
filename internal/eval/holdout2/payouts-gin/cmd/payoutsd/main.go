//go:build ignore

package main

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/redis/go-redis/v9"

	"example.com/payouts/ent"
	"example.com/payouts/internal/cache"
	"example.com/payouts/internal/db"
	"example.com/payouts/internal/httpapi"
	"example.com/payouts/internal/service"
	"example.com/payouts/internal/worker"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	pool, err := db.Open(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		slog.Error("db", "err", err)
		os.Exit(1)
	}
	defer pool.Close()

	entClient, err := ent.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		slog.Error("ent", "err", err)
		os.Exit(1)
	}
	defer entClient.Close()

	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	rates := cache.NewRates(rdb, cache.Config{RateTTL: durationEnv("FX_CACHE_TTL")})

	payouts := service.NewPayouts(pool)
	merchants := service.NewMerchants(entClient)
	statements := service.NewStatements(pool)

	go worker.NewSettlement(pool).Run(ctx)

	srv := &http.Server{
		Addr:              ":8081",
		Handler:           httpapi.Router(payouts, merchants, statements, rates, pool),
		ReadHeaderTimeout: 5 * time.Second,
	}
	go func() {
		<-ctx.Done()
		c, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		_ = srv.Shutdown(c)
	}()
	slog.Info("payoutsd listening", "addr", srv.Addr)
	if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
		slog.Error("serve", "err", err)
	}
}

func durationEnv(name string) time.Duration {
	d, _ := time.ParseDuration(os.Getenv(name))
	return d
}
