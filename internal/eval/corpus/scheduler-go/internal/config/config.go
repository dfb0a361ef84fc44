//go:build ignore

// Package config loads the scheduler's settings from a YAML file and the environment.
package config

import (
	"log"
	"os"

	"gopkg.in/yaml.v3"
)

// Config holds the scheduler settings.
type Config struct {
	Addr        string `yaml:"addr"`
	DatabaseURL string `yaml:"database_url"`
	RedisAddr   string `yaml:"redis_addr"`
	ExportURL   string `yaml:"export_url"`
}

// MustLoad reads scheduler.yml (if present) and applies environment overrides.
// It runs once at start-up, so reading the file synchronously is fine.
func MustLoad() Config {
	cfg := Config{Addr: ":8085", RedisAddr: "localhost:6379"}
	if b, err := os.ReadFile(getenv("SCHEDULER_CONFIG", "scheduler.yml")); err == nil {
		if err := yaml.Unmarshal(b, &cfg); err != nil {
			log.Fatalf("config: %v", err)
		}
	}
	if v := os.Getenv("DATABASE_URL"); v != "" {
		cfg.DatabaseURL = v
	}
	if v := os.Getenv("REDIS_ADDR"); v != "" {
		cfg.RedisAddr = v
	}
	if v := os.Getenv("EXPORT_URL"); v != "" {
		cfg.ExportURL = v
	}
	return cfg
}

func getenv(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
