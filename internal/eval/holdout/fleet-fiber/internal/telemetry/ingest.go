//go:build ignore

package telemetry

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"time"

	"github.com/uptrace/bun"

	"example.com/fleet/internal/models"
)

// Ingester persists GPS fixes from the device gateway and raises geofence alerts.
type Ingester struct {
	db      *bun.DB
	log     *slog.Logger
	batches <-chan []models.Point
	alerts  chan<- Alert
}

// Alert is a geofence crossing.
type Alert struct {
	VehicleID int64
	FenceID   int64
	Kind      string
	At        time.Time
}

// NewIngester returns an Ingester reading from batches.
func NewIngester(db *bun.DB, log *slog.Logger, batches <-chan []models.Point, alerts chan<- Alert) *Ingester {
	return &Ingester{db: db, log: log, batches: batches, alerts: alerts}
}

// Run consumes batches until ctx ends or the channel closes.
func (in *Ingester) Run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case batch, ok := <-in.batches:
			if !ok {
				return
			}
			if err := in.store(ctx, batch); err != nil {
				in.log.ErrorContext(ctx, "store points", "n", len(batch), "err", err)
			}
		}
	}
}

func (in *Ingester) store(ctx context.Context, batch []models.Point) error {
	if len(batch) == 0 {
		return nil
	}
	// One multi-row INSERT per gateway batch.
	if _, err := in.db.NewInsert().Model(&batch).Exec(ctx); err != nil {
		return err
	}

	for _, p := range batch {
		if p.SpeedKmh < 1 {
			continue // parked: no crossings to detect
		}
		var fence models.Geofence
		err := in.db.NewSelect().Model(&fence).Where("ST_Contains(ST_GeomFromText(wkt, 4326), ST_SetSRID(ST_MakePoint(?, ?), 4326))", p.Lon, p.Lat).Limit(1).Scan(ctx) // expect: query-in-loop
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return err
		}
		select {
		case in.alerts <- Alert{VehicleID: p.VehicleID, FenceID: fence.ID, Kind: fence.AlertOn, At: p.RecordedAt}:
		default:
			in.log.WarnContext(ctx, "alert channel full, dropping", "vehicle", p.VehicleID)
		}
	}
	return nil
}
