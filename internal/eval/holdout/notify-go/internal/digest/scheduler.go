//go:build ignore

package digest

import (
	"context"
	"log/slog"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
)

// Scheduler builds the daily digest at 06:00 UTC.
type Scheduler struct {
	db  *mongo.Database
	log *slog.Logger
}

// NewScheduler returns a Scheduler.
func NewScheduler(db *mongo.Database, log *slog.Logger) *Scheduler {
	return &Scheduler{db: db, log: log}
}

func untilNext(hour int, now time.Time) time.Duration {
	next := time.Date(now.Year(), now.Month(), now.Day(), hour, 0, 0, 0, time.UTC)
	if !next.After(now) {
		next = next.Add(24 * time.Hour)
	}
	return next.Sub(now)
}

// Loop sleeps until 06:00 each day and queues the digest emails. It runs in
// its own goroutine, outside any request.
func (s *Scheduler) Loop(ctx context.Context) {
	for ctx.Err() == nil {
		time.Sleep(untilNext(6, time.Now().UTC()))
		if err := s.queue(ctx, time.Now().Add(-24*time.Hour)); err != nil {
			s.log.ErrorContext(ctx, "digest", "err", err)
		}
	}
}

func (s *Scheduler) queue(ctx context.Context, since time.Time) error {
	entries, err := Collect(ctx, s.db, since)
	if err != nil || len(entries) == 0 {
		return err
	}
	byEmail := map[string][]string{}
	for _, e := range entries {
		byEmail[e.Email] = append(byEmail[e.Email], e.Title)
	}
	docs := make([]any, 0, len(byEmail))
	for email, titles := range byEmail {
		docs = append(docs, bson.M{"email": email, "titles": titles, "queued_at": time.Now()})
	}
	_, err = s.db.Collection("digest_queue").InsertMany(ctx, docs)
	return err
}
