//go:build ignore

package jobs

import (
	"context"
	"log/slog"
	"os"
	"time"

	"github.com/robfig/cron/v3"
	"github.com/uptrace/bun"
	"gorm.io/gorm"
)

// Start registers the periodic jobs and blocks forever.
func Start(db *gorm.DB, bdb *bun.DB) {
	log := slog.New(slog.NewTextHandler(os.Stderr, nil)).With("component", "jobs")
	maint := NewMaintenance(db, log)

	c := cron.New(cron.WithLocation(time.UTC), cron.WithChain(cron.Recover(cron.DefaultLogger)))
	_, _ = c.AddFunc("0 3 * * *", func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
		defer cancel()
		if err := maint.Run(ctx); err != nil {
			log.Error("maintenance job failed", "err", err)
		}
	})
	_, _ = c.AddFunc("*/15 * * * *", func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		// One statement closes every trip idle for more than two hours.
		res, err := bdb.NewUpdate().Table("trips").
			Set("status = 'closed'").
			Set("ended_at = now()").
			Where("status = 'open' AND started_at < now() - interval '2 hours'").
			Where("NOT EXISTS (SELECT 1 FROM points p WHERE p.trip_id = trips.id AND p.recorded_at > now() - interval '2 hours')").
			Exec(ctx)
		if err != nil {
			log.Error("close idle trips", "err", err)
			return
		}
		n, _ := res.RowsAffected()
		log.Info("closed idle trips", "n", n)
	})
	c.Run()
}
