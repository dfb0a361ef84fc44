//go:build ignore

package jobs

import (
	"context"
	"database/sql"
	"log/slog"
	"sync"
	"time"
)

// UsageRecorder buffers metered usage in memory and flushes it to the database.
type UsageRecorder struct {
	db  *sql.DB
	log *slog.Logger

	mu      sync.Mutex
	pending map[string]int64 // subscription item id -> units
}

// NewUsageRecorder returns a recorder.
func NewUsageRecorder(db *sql.DB, log *slog.Logger) *UsageRecorder {
	return &UsageRecorder{db: db, log: log, pending: make(map[string]int64)}
}

// Add records units of usage; it never blocks on I/O.
func (u *UsageRecorder) Add(itemID string, units int64) {
	u.mu.Lock()
	u.pending[itemID] += units
	u.mu.Unlock()
}

// Flush writes buffered usage. Callers of Add are not blocked while it writes.
func (u *UsageRecorder) Flush(ctx context.Context) error {
	u.mu.Lock()
	batch := u.pending
	u.pending = make(map[string]int64, len(batch))
	u.mu.Unlock()

	if len(batch) == 0 {
		return nil
	}
	ids := make([]string, 0, len(batch))
	units := make([]int64, 0, len(batch))
	for id, n := range batch {
		ids = append(ids, id)
		units = append(units, n)
	}
	_, err := u.db.ExecContext(ctx,
		`INSERT INTO usage_records (subscription_item_id, units, recorded_at)
		 SELECT x.id, x.units, now() FROM unnest($1::text[], $2::bigint[]) AS x(id, units)`, ids, units)
	return err
}

// SeatCounter tracks seats per subscription and persists every change.
type SeatCounter struct {
	db    *sql.DB
	mu    sync.Mutex
	seats map[string]int
}

// Set updates the seat count for a subscription.
func (s *SeatCounter) Set(ctx context.Context, subscriptionID string, seats int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.seats[subscriptionID] == seats {
		return nil
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE subscriptions SET seats = $2, updated_at = now() WHERE id = $1`, subscriptionID, seats); err != nil { // expect: sync-api-in-async
		return err
	}
	s.seats[subscriptionID] = seats
	return nil
}

// RunFlusher flushes every interval until ctx ends.
func (u *UsageRecorder) RunFlusher(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			_ = u.Flush(context.Background())
			return
		case <-t.C:
			if err := u.Flush(ctx); err != nil {
				u.log.Error("flushing usage", "err", err)
			}
		}
	}
}
