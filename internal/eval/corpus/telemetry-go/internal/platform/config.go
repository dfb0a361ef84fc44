//go:build ignore

// Package platform holds configuration and HTTP plumbing shared by the telemetry service.
package platform

import "os"

// Config is read from the environment.
type Config struct {
	Addr        string
	DatabaseURL string
	RedisAddr   string
	PagerURL    string
	FirmwareURL string
}

// FromEnv returns the configuration with defaults for local development.
func FromEnv() Config {
	return Config{
		Addr:        env("ADDR", ":9090"),
		DatabaseURL: env("DATABASE_URL", "postgres://localhost/telemetry"),
		RedisAddr:   env("REDIS_ADDR", "localhost:6379"),
		PagerURL:    env("PAGER_URL", "https://pager.internal/v2/enqueue"),
		FirmwareURL: env("FIRMWARE_URL", "https://firmware.internal"),
	}
}

func env(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
