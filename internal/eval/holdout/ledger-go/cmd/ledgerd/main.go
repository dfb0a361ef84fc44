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

	"example.com/ledger/internal/api"
	"example.com/ledger/internal/cache"
	"example.com/ledger/internal/fx"
	"example.com/ledger/internal/recon"
	"example.com/ledger/internal/store"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	cfg, err := pgxpool.ParseConfig(os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Error("parse database url", "err", err)
		os.Exit(1)
	}
	cfg.MaxConns = 20
	cfg.MaxConnIdleTime = 5 * time.Minute
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		log.Error("connect", "err", err)
		os.Exit(1)
	}
	defer pool.Close()

	// Wait for the database during rolling deploys; start-up only.
	for attempt := 1; ; attempt++ {
		if err := pool.Ping(ctx); err == nil {
			break
		} else if attempt == 10 {
			log.Error("database unreachable", "err", err)
			os.Exit(1)
		}
		time.Sleep(time.Duration(attempt) * 500 * time.Millisecond)
	}

	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), DialTimeout: 2 * time.Second})
	defer rdb.Close()

	rates := fx.NewProvider(os.Getenv("FX_URL"), &http.Client{Timeout: 5 * time.Second})
	st := store.NewStore(pool)
	handler := api.NewRouter(api.Deps{
		Store:    st,
		Pool:     pool,
		Balances: cache.NewBalances(rdb, 30*time.Second),
		Rates:    rates,
		Redis:    rdb,
		Log:      log,
	})

	go recon.Schedule(ctx, recon.New(pool, log), time.Hour)

	srv := &http.Server{
		Addr:              ":8080",
		Handler:           handler,
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdownCtx)
	}()
	log.Info("ledgerd listening", "addr", srv.Addr)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Error("serve", "err", err)
		os.Exit(1)
	}
}
