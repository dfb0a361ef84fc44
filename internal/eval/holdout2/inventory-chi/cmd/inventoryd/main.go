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

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/jmoiron/sqlx"
	"github.com/redis/go-redis/v9"

	"example.com/inventory/internal/api"
	"example.com/inventory/internal/cache"
	"example.com/inventory/internal/jobs"
	"example.com/inventory/internal/store"
)

func connect(ctx context.Context, dsn string) (*sqlx.DB, error) {
	var lastErr error
	for attempt := 0; attempt < 10; attempt++ {
		db, err := sqlx.ConnectContext(ctx, "pgx", dsn)
		if err == nil {
			db.SetMaxOpenConns(25)
			db.SetMaxIdleConns(10)
			db.SetConnMaxLifetime(30 * time.Minute)
			return db, nil
		}
		lastErr = err
		slog.Warn("database not ready", "attempt", attempt, "err", err)
		time.Sleep(time.Duration(attempt+1) * 500 * time.Millisecond)
	}
	return nil, lastErr
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	db, err := connect(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		slog.Error("connect", "err", err)
		os.Exit(1)
	}
	defer db.Close()

	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), ReadTimeout: time.Second})
	defer rdb.Close()

	st := store.New(db)
	stock := cache.NewStock(rdb)
	h := api.NewHandler(st, stock, db)

	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.RealIP, middleware.Recoverer, middleware.Timeout(10*time.Second))
	r.Use(api.RequireToken(os.Getenv("API_TOKEN")))
	h.Mount(r)

	go jobs.NewReorder(db, os.Getenv("PURCHASING_URL")).Run(ctx)

	srv := &http.Server{
		Addr:              ":8080",
		Handler:           r,
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      15 * time.Second,
	}
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdownCtx)
	}()
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		slog.Error("serve", "err", err)
		os.Exit(1)
	}
}
