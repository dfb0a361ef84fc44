//go:build ignore

package main

import (
	"context"
	"database/sql"
	"log"
	"net/http"
	"os"
	"time"

	entsql "entgo.io/ent/dialect/sql"
	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/redis/go-redis/v9"

	"example.com/identity/ent"
	"example.com/identity/internal/accounts"
	"example.com/identity/internal/audit"
	"example.com/identity/internal/httpapi"
	"example.com/identity/internal/sessions"
	"example.com/identity/internal/tokens"
)

func main() {
	db, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	db.SetMaxOpenConns(20)
	client := ent.NewClient(ent.Driver(entsql.OpenDB("postgres", db)))
	defer client.Close()

	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), DialTimeout: time.Second})

	ctx := context.Background()
	revocations := tokens.NewRevocationList(db)
	if err := revocations.Refresh(ctx); err != nil {
		log.Fatalf("loading revocations: %v", err)
	}
	go revocations.RefreshEvery(ctx, time.Minute)

	api := httpapi.New(accounts.NewService(client), sessions.NewStore(rdb), audit.NewWriter(db), revocations, os.Getenv("OIDC_ISSUER"))
	srv := &http.Server{
		Addr:              ":8443",
		Handler:           api.Routes(),
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      30 * time.Second,
	}
	log.Fatal(srv.ListenAndServeTLS(os.Getenv("TLS_CERT"), os.Getenv("TLS_KEY")))
}
