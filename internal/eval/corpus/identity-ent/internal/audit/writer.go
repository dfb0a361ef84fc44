//go:build ignore

// Package audit records security-relevant events.
package audit

import (
	"context"
	"database/sql"
	"log"
	"sync"
	"time"

	"github.com/lib/pq"
)

// Writer appends audit events to the database.
type Writer struct {
	db *sql.DB

	mu      sync.Mutex
	lastErr time.Time
}

// NewWriter returns a Writer.
func NewWriter(db *sql.DB) *Writer { return &Writer{db: db} }

// Record writes one event. Writes are serialised so events keep their order.
func (w *Writer) Record(ctx context.Context, kind, subject, remoteAddr string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	_, err := w.db.ExecContext(ctx, // expect: sync-api-in-async
		`INSERT INTO audit_events (kind, subject, remote_addr, created_at) VALUES ($1, $2, $3, now())`,
		kind, subject, remoteAddr)
	if err != nil && time.Since(w.lastErr) > time.Minute {
		log.Printf("audit: write failed: %v", err)
		w.lastErr = time.Now()
	}
}

// BufferedWriter batches audit events and writes them from one goroutine.
type BufferedWriter struct {
	db *sql.DB

	mu  sync.Mutex
	buf []event
}

type event struct {
	kind, subject, remote string
	at                    time.Time
}

// Record appends an event to the buffer; it never touches the network.
func (b *BufferedWriter) Record(kind, subject, remote string) {
	b.mu.Lock()
	b.buf = append(b.buf, event{kind, subject, remote, time.Now()})
	b.mu.Unlock()
}

// Flush writes buffered events in one statement.
func (b *BufferedWriter) Flush(ctx context.Context) error {
	b.mu.Lock()
	pending := b.buf
	b.buf = nil
	b.mu.Unlock()
	if len(pending) == 0 {
		return nil
	}
	kinds := make([]string, len(pending))
	subjects := make([]string, len(pending))
	remotes := make([]string, len(pending))
	ats := make([]string, len(pending))
	for i, e := range pending {
		kinds[i], subjects[i], remotes[i], ats[i] = e.kind, e.subject, e.remote, e.at.Format(time.RFC3339Nano)
	}
	_, err := b.db.ExecContext(ctx,
		`INSERT INTO audit_events (kind, subject, remote_addr, created_at)
		 SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]::timestamptz[])`,
		pq.Array(kinds), pq.Array(subjects), pq.Array(remotes), pq.Array(ats))
	return err
}
