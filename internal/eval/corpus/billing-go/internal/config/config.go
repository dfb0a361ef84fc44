//go:build ignore

package config

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

// Config is read from the environment at start-up.
type Config struct {
	Addr            string
	DatabaseURL     string
	DBMaxConns      int
	RedisAddr       string
	StripeKey       string
	RendererURL     string
	InvoiceCacheTTL time.Duration
}

// Load reads the configuration and validates required values.
func Load() (Config, error) {
	cfg := Config{
		Addr:        getenv("BILLING_ADDR", ":8080"),
		DatabaseURL: os.Getenv("DATABASE_URL"),
		RedisAddr:   getenv("REDIS_ADDR", "localhost:6379"),
		StripeKey:   os.Getenv("STRIPE_SECRET_KEY"),
		RendererURL: getenv("RENDERER_URL", "http://pdf-renderer:3000"),
	}
	if cfg.DatabaseURL == "" {
		return Config{}, fmt.Errorf("DATABASE_URL is required")
	}
	n, err := strconv.Atoi(getenv("DB_MAX_CONNS", "20"))
	if err != nil {
		return Config{}, fmt.Errorf("DB_MAX_CONNS: %w", err)
	}
	cfg.DBMaxConns = n
	ttl, err := time.ParseDuration(getenv("INVOICE_CACHE_TTL", "10m"))
	if err != nil {
		return Config{}, fmt.Errorf("INVOICE_CACHE_TTL: %w", err)
	}
	cfg.InvoiceCacheTTL = ttl
	return cfg, nil
}

func getenv(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}
