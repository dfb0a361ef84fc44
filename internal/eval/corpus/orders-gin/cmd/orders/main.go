//go:build ignore

package main

import (
	"log"
	"os"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/redis/go-redis/v9"

	"example.com/orders/internal/db"
	"example.com/orders/internal/handlers"
	"example.com/orders/internal/middleware"
	"example.com/orders/internal/services"
)

func main() {
	gdb, err := db.Open(os.Getenv("MYSQL_DSN"))
	if err != nil {
		log.Fatalf("opening database: %v", err)
	}
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), PoolSize: 20})
	shipping := services.NewShippingClient(os.Getenv("SHIPPING_API"), os.Getenv("SHIPPING_TOKEN"), 5*time.Second)
	stock := services.NewStockCache(rdb)

	r := gin.New()
	r.Use(gin.Recovery(), gin.Logger())
	api := r.Group("/api/v1", middleware.Auth(os.Getenv("AUTH_URL")))
	handlers.RegisterOrders(api, handlers.NewOrders(gdb, shipping, stock))
	handlers.RegisterProducts(api, handlers.NewProducts(gdb, rdb))
	handlers.RegisterCheckout(api, handlers.NewCheckout(gdb, stock))

	if err := r.Run(":" + envOr("PORT", "8080")); err != nil {
		log.Fatal(err)
	}
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
