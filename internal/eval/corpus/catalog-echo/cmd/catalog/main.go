//go:build ignore

package main

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	_ "github.com/lib/pq"
	"github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"example.com/catalog/internal/cache"
	"example.com/catalog/internal/handlers"
	"example.com/catalog/internal/reviews"
	"example.com/catalog/internal/search"
	"example.com/catalog/internal/store"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	db := sqlx.MustConnect("postgres", os.Getenv("DATABASE_URL"))
	db.SetMaxOpenConns(25)

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	mc, err := mongo.Connect(ctx, options.Client().ApplyURI(os.Getenv("MONGO_URL")).SetMaxPoolSize(20))
	if err != nil {
		log.Error("connecting to mongo", "err", err)
		os.Exit(1)
	}
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	layers, err := cache.NewLayers(rdb)
	if err != nil {
		log.Error("building caches", "err", err)
		os.Exit(1)
	}

	e := echo.New()
	e.HideBanner = true
	e.Use(middleware.RequestID(), middleware.Recover(), middleware.TimeoutWithConfig(middleware.TimeoutConfig{Timeout: 20 * time.Second}))
	h := handlers.New(store.New(db), reviews.New(mc.Database("catalog")), layers, search.NewClient(os.Getenv("SEARCH_URL")), log)
	h.Register(e)

	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 5 * time.Second}
	if err := e.StartServer(srv); err != nil && err != http.ErrServerClosed {
		log.Error("server", "err", err)
	}
}
