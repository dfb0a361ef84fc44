package reports

import (
	"context"
	"fmt"
	"log"
)

// Calls under a lock that carry SQL-looking text but run no query, and
// queries made after the lock is released.

func (s *server) record(ctx context.Context, table string) error {
	s.statsMu.Lock()
	s.seen[table]++
	// Text that reads like SQL, passed to calls that run no query.
	log.Printf("SELECT count(*) FROM %s took too long", table)
	s.audit.Add("DELETE FROM " + table)
	s.tmpl.Execute(s.buf, "UPDATE preferences SET enabled = false")
	// A method named like a query, but the text is a shell command.
	s.runner.Exec(ctx, "refresh-views --all")
	// A statement cache keyed by its SQL text: an in-memory lookup.
	stmt := s.stmts.Get("SELECT name FROM users WHERE id = $1")
	s.plans.Select(ctx, "SELECT name FROM users WHERE id = $1")
	_ = stmt
	s.statsMu.Unlock()

	// The query runs after the unlock.
	_, err := s.Store.Exec(ctx, fmt.Sprintf("DELETE FROM %s WHERE expires_at < now()", table))
	return err
}

func (s *server) later(ctx context.Context) {
	s.mu.Lock()
	defer s.mu.Unlock()
	go func() {
		// Runs on its own goroutine, not while the lock is held.
		s.Store.Exec(ctx, "REFRESH MATERIALIZED VIEW daily_totals")
	}()
}
