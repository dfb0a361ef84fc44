//go:build ignore

// Package jobs runs the worker's scheduled jobs.
package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/sync/errgroup"

	"example.com/worker/internal/cache"
	"example.com/worker/internal/notify"
)

// Runner owns the job dependencies.
type Runner struct {
	pool  *pgxpool.Pool
	cache *cache.Cache
	slack *notify.Slack
	log   *slog.Logger
}

// NewRunner returns a Runner.
func NewRunner(pool *pgxpool.Pool, c *cache.Cache, slack *notify.Slack, log *slog.Logger) *Runner {
	return &Runner{pool: pool, cache: c, slack: slack, log: log}
}

type schedule struct {
	name  string
	every time.Duration
	run   func(context.Context) error
}

// Run starts every job on its schedule and blocks until ctx is cancelled.
func (r *Runner) Run(ctx context.Context) error {
	jobs := []schedule{
		{"email-digest", time.Hour, r.EmailDigest},
		{"webhook-delivery", 10 * time.Second, r.DeliverWebhooks},
		{"search-reindex", 15 * time.Minute, r.Reindex},
		{"cleanup", 6 * time.Hour, r.Cleanup},
	}
	g, ctx := errgroup.WithContext(ctx)
	for _, j := range jobs {
		g.Go(func() error {
			t := time.NewTicker(j.every)
			defer t.Stop()
			for {
				select {
				case <-ctx.Done():
					return nil
				case <-t.C:
					started := time.Now()
					if err := j.run(ctx); err != nil {
						r.log.Error("job failed", "job", j.name, "err", err)
						continue
					}
					r.log.Info("job finished", "job", j.name, "took", time.Since(started))
				}
			}
		})
	}
	return g.Wait()
}
