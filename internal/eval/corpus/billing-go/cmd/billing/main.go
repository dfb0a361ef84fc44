//go:build ignore

package main

import (
	"context"
	"database/sql"
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
	"github.com/redis/go-redis/v9"

	"example.com/billing/internal/cache"
	"example.com/billing/internal/config"
	"example.com/billing/internal/handlers"
	"example.com/billing/internal/jobs"
	"example.com/billing/internal/store"
	"example.com/billing/internal/stripe"
)

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: slog.LevelInfo}))
	cfg, err := config.Load()
	if err != nil {
		logger.Error("loading config", "err", err)
		os.Exit(1)
	}

	db, err := sql.Open("pgx", cfg.DatabaseURL)
	if err != nil {
		logger.Error("opening database", "err", err)
		os.Exit(1)
	}
	db.SetMaxOpenConns(cfg.DBMaxConns)
	db.SetMaxIdleConns(cfg.DBMaxConns / 2)
	db.SetConnMaxLifetime(30 * time.Minute)

	rdb := redis.NewClient(&redis.Options{Addr: cfg.RedisAddr, DialTimeout: 2 * time.Second, ReadTimeout: time.Second})

	st := store.New(db)
	invoiceCache := cache.NewInvoiceCache(rdb, cfg.InvoiceCacheTTL)
	stripeClient := stripe.NewClient(cfg.StripeKey, 10*time.Second)

	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.RealIP, middleware.Recoverer, middleware.Timeout(30*time.Second))
	handlers.Mount(r, handlers.Deps{Store: st, Cache: invoiceCache, Stripe: stripeClient, Logger: logger, RendererURL: cfg.RendererURL})

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	go jobs.NewDunning(st, stripeClient, logger).Run(ctx, time.Hour)

	srv := &http.Server{Addr: cfg.Addr, Handler: r, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdownCtx)
	}()
	logger.Info("billing listening", "addr", cfg.Addr)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		logger.Error("server stopped", "err", err)
		os.Exit(1)
	}
}
