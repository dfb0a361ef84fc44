//go:build ignore

package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"

	"example.com/telemetry/internal/alerts"
	"example.com/telemetry/internal/devices"
	"example.com/telemetry/internal/ingest"
	"example.com/telemetry/internal/platform"
	"example.com/telemetry/internal/query"
	"example.com/telemetry/internal/storage"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	cfg := platform.FromEnv()
	pool, err := pgxpool.New(ctx, cfg.DatabaseURL)
	if err != nil {
		log.Error("postgres", "err", err)
		os.Exit(1)
	}
	defer pool.Close()
	rdb := redis.NewClient(&redis.Options{Addr: cfg.RedisAddr})

	store := storage.New(pool)
	registry := devices.NewRegistry(pool, rdb)
	pipeline := ingest.NewPipeline(store, registry, log)
	go pipeline.Run(ctx)

	evaluator := alerts.NewEvaluator(pool, rdb, cfg.PagerURL, log)
	go evaluator.Run(ctx, 30*time.Second)

	mux := http.NewServeMux()
	mux.Handle("POST /v1/ingest", ingest.Handler(pipeline))
	mux.Handle("GET /v1/devices/{id}/series", query.SeriesHandler(store))
	mux.Handle("GET /v1/devices/{id}/firmware", devices.FirmwareHandler(registry, cfg.FirmwareURL))
	mux.Handle("POST /v1/devices/{id}/reboot", devices.RebootHandler(registry))
	mux.HandleFunc("GET /healthz", platform.Health(pool, rdb))

	srv := &http.Server{Addr: cfg.Addr, Handler: platform.WithLogging(log, mux), ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		c, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(c)
	}()
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Error("server", "err", err)
	}
}
