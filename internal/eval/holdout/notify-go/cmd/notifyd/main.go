//go:build ignore

package main

import (
	"context"
	"database/sql"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"example.com/notify/internal/admin"
	"example.com/notify/internal/httpapi"
	"example.com/notify/internal/outbox"
	"example.com/notify/internal/providers"
	"example.com/notify/internal/templates"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: slog.LevelInfo}))
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	db, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Error("open db", "err", err)
		os.Exit(1)
	}
	db.SetMaxOpenConns(25)
	db.SetConnMaxIdleTime(5 * time.Minute)
	defer db.Close()

	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), ReadTimeout: time.Second})
	mc, err := mongo.Connect(ctx, options.Client().ApplyURI(os.Getenv("MONGO_URL")).SetTimeout(5*time.Second))
	if err != nil {
		log.Error("mongo", "err", err)
		os.Exit(1)
	}
	defer func() { _ = mc.Disconnect(context.Background()) }()

	tpl, err := templates.Load()
	if err != nil {
		log.Error("templates", "err", err)
		os.Exit(1)
	}
	tokens := providers.NewTokenSource(os.Getenv("PUSH_TOKEN_URL"), os.Getenv("PUSH_CLIENT_ID"), os.Getenv("PUSH_CLIENT_SECRET"), rdb)
	sms := providers.NewSMS(os.Getenv("SMS_API_URL"), os.Getenv("SMS_API_KEY"))
	push := providers.NewPush(os.Getenv("PUSH_API_URL"), tokens)

	relay := outbox.NewRelay(outbox.NewStore(db), sms, push, tpl, log)
	go relay.Run(ctx)

	api := httpapi.New(db, rdb, mc.Database("notify"), tpl, log)
	mux := http.NewServeMux()
	mux.Handle("/v1/", api.Routes())
	mux.Handle("/admin/", admin.Routes(db, rdb, log))

	srv := &http.Server{Addr: ":8090", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		c, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		_ = srv.Shutdown(c)
	}()
	if err := srv.ListenAndServe(); err != http.ErrServerClosed {
		log.Error("serve", "err", err)
	}
}
