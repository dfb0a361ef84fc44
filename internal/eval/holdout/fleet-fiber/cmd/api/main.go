//go:build ignore

package main

import (
	"database/sql"
	"log"
	"os"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/recover"
	"github.com/gofiber/fiber/v2/middleware/requestid"
	redigo "github.com/gomodule/redigo/redis"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/driver/pgdriver"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	"example.com/fleet/internal/handlers"
	"example.com/fleet/internal/jobs"
	"example.com/fleet/internal/session"
)

func main() {
	dsn := os.Getenv("DATABASE_URL")
	gdb, err := gorm.Open(postgres.Open(dsn), &gorm.Config{PrepareStmt: true})
	if err != nil {
		log.Fatalf("gorm: %v", err)
	}
	sqldb := sql.OpenDB(pgdriver.NewConnector(pgdriver.WithDSN(dsn)))
	sqldb.SetMaxOpenConns(20)
	bdb := bun.NewDB(sqldb, pgdialect.New())

	rpool := &redigo.Pool{
		MaxIdle:     16,
		MaxActive:   64,
		IdleTimeout: 4 * time.Minute,
		Wait:        true,
		Dial: func() (redigo.Conn, error) {
			return redigo.Dial("tcp", os.Getenv("REDIS_ADDR"),
				redigo.DialConnectTimeout(2*time.Second), redigo.DialReadTimeout(2*time.Second))
		},
	}
	defer rpool.Close()

	app := fiber.New(fiber.Config{ReadTimeout: 10 * time.Second, WriteTimeout: 30 * time.Second})
	app.Use(recover.New(), requestid.New())

	h := handlers.New(gdb, bdb, sqldb, rpool)
	app.Get("/healthz", h.Health)
	sessions := session.NewStore(rpool, 12*time.Hour)
	api := app.Group("/api", sessions.Middleware())
	api.Get("/vehicles", h.ListVehicles)
	api.Get("/vehicles/:id/live", h.LiveStatus)
	api.Patch("/vehicles", h.BulkUpdateVehicles)
	api.Get("/drivers", h.ListDrivers)
	api.Get("/drivers/:id/logbook.csv", h.DriverLogbook)
	api.Get("/trips/:id", h.GetTrip)
	api.Post("/trips/:id/close", h.CloseTrip)
	api.Get("/reports/:kind", h.Report)
	api.Put("/fleets/:fleet/geofences", h.ReplaceGeofences)

	go jobs.Start(gdb, bdb)

	log.Fatal(app.Listen(":" + envOr("PORT", "3000")))
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
