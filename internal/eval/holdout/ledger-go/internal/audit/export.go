//go:build ignore

package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Event is one audit log row.
type Event struct {
	ID      int64           `json:"id"`
	Actor   string          `json:"actor"`
	Action  string          `json:"action"`
	Payload json.RawMessage `json:"payload"`
	At      time.Time       `json:"at"`
}

// Exporter ships unexported audit events to the compliance archive as JSON lines.
type Exporter struct {
	pool *pgxpool.Pool
}

// NewExporter returns an Exporter.
func NewExporter(pool *pgxpool.Pool) *Exporter { return &Exporter{pool: pool} }

// Export writes up to limit unexported events to w and marks them exported.
func (e *Exporter) Export(ctx context.Context, w io.Writer, limit int) (int, error) {
	rows, err := e.pool.Query(ctx, `SELECT id, actor, action, payload, at FROM audit_events WHERE exported_at IS NULL ORDER BY id LIMIT $1`, limit)
	if err != nil {
		return 0, err
	}
	defer rows.Close()

	enc := json.NewEncoder(w)
	n := 0
	for rows.Next() {
		var ev Event
		if err := rows.Scan(&ev.ID, &ev.Actor, &ev.Action, &ev.Payload, &ev.At); err != nil {
			return n, err
		}
		if err := enc.Encode(ev); err != nil {
			return n, fmt.Errorf("write event %d: %w", ev.ID, err)
		}
		if _, err := e.pool.Exec(ctx, `UPDATE audit_events SET exported_at = now() WHERE id = $1`, ev.ID); err != nil { // expect: query-in-loop
			return n, err
		}
		n++
	}
	return n, rows.Err()
}

// ExportRange streams a closed time range; the caller owns the returned rows
// iterator and must close it.
func (e *Exporter) ExportRange(ctx context.Context, from, to time.Time) (func(yield func(Event, error) bool), error) {
	rows, err := e.pool.Query(ctx, `SELECT id, actor, action, payload, at FROM audit_events WHERE at >= $1 AND at < $2 ORDER BY id`, from, to)
	if err != nil {
		return nil, err
	}
	return func(yield func(Event, error) bool) {
		defer rows.Close()
		for rows.Next() {
			var ev Event
			err := rows.Scan(&ev.ID, &ev.Actor, &ev.Action, &ev.Payload, &ev.At)
			if !yield(ev, err) || err != nil {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(Event{}, err)
		}
	}, nil
}
