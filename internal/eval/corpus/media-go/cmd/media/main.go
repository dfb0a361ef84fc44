//go:build ignore

package main

import (
	"database/sql"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/go-chi/chi/v5"
	_ "github.com/go-sql-driver/mysql"
	"github.com/gomodule/redigo/redis"

	"example.com/media/internal/cdn"
	"example.com/media/internal/db"
	"example.com/media/internal/quota"
	"example.com/media/internal/thumbs"
	"example.com/media/internal/uploads"
)

func main() {
	sqlDB, err := sql.Open("mysql", os.Getenv("MYSQL_DSN")+"?parseTime=true")
	if err != nil {
		log.Fatal(err)
	}
	sqlDB.SetMaxOpenConns(40)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)

	rp := &redis.Pool{
		MaxIdle:     16,
		IdleTimeout: 2 * time.Minute,
		Dial: func() (redis.Conn, error) {
			return redis.Dial("tcp", os.Getenv("REDIS_ADDR"), redis.DialConnectTimeout(time.Second))
		},
	}

	repo := db.NewRepo(sqlDB)
	purger := cdn.NewPurger(os.Getenv("CDN_API"), os.Getenv("CDN_TOKEN"))
	q := quota.New(rp, repo)

	r := chi.NewRouter()
	uploads.Mount(r, repo, q, os.Getenv("STORAGE_ROOT"))
	thumbs.Mount(r, repo, rp, purger)

	srv := &http.Server{Addr: ":8000", Handler: r, ReadHeaderTimeout: 10 * time.Second}
	log.Fatal(srv.ListenAndServe())
}
