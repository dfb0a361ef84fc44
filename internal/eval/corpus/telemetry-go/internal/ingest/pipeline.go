//go:build ignore

// Package ingest receives device measurements and writes them in batches.
package ingest

import (
	"context"
	"log/slog"
	"time"

	"example.com/telemetry/internal/devices"
	"example.com/telemetry/internal/storage"
)

// Point is one measurement.
type Point struct {
	DeviceID string             `json:"device_id"`
	Time     time.Time          `json:"time"`
	Metrics  map[string]float64 `json:"metrics"`
}

// Pipeline buffers points and flushes them with COPY.
type Pipeline struct {
	store    *storage.Store
	registry *devices.Registry
	log      *slog.Logger
	in       chan []Point
}

// NewPipeline returns a pipeline with a bounded queue.
func NewPipeline(store *storage.Store, registry *devices.Registry, log *slog.Logger) *Pipeline {
	return &Pipeline{store: store, registry: registry, log: log, in: make(chan []Point, 1024)}
}

// Enqueue hands points to the writer; it reports false when the queue is full.
func (p *Pipeline) Enqueue(points []Point) bool {
	select {
	case p.in <- points:
		return true
	default:
		return false
	}
}

// Run flushes every 2 000 points or every second, whichever comes first.
func (p *Pipeline) Run(ctx context.Context) {
	const maxBatch = 2000
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	batch := make([]storage.Row, 0, maxBatch)
	flush := func() {
		if len(batch) == 0 {
			return
		}
		n, err := p.store.CopyPoints(ctx, batch)
		if err != nil {
			p.log.Error("writing points", "err", err, "count", len(batch))
		} else {
			p.log.Debug("points written", "count", n)
		}
		batch = batch[:0]
	}
	for {
		select {
		case <-ctx.Done():
			flush()
			return
		case pts := <-p.in:
			for _, pt := range pts {
				for name, v := range pt.Metrics {
					batch = append(batch, storage.Row{DeviceID: pt.DeviceID, Time: pt.Time, Metric: name, Value: v})
				}
			}
			if len(batch) >= maxBatch {
				flush()
			}
		case <-tick.C:
			flush()
		}
	}
}
