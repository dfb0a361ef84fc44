package reports

import (
	"context"
	"fmt"
	"net/http"
)

// server is declared in another file of the package: neither the mutex nor
// the pool has a type this file can see, so the SQL text says what the call
// does.

var views = []string{"daily_totals", "owner_exposure"}

const countOrders = `SELECT count(*) FROM orders WHERE owner_id = $1`

func (s *server) refresh(w http.ResponseWriter, r *http.Request) {
	s.refreshMu.Lock()
	defer s.refreshMu.Unlock()
	for _, v := range views {
		if _, err := s.Store.Exec(r.Context(), "REFRESH MATERIALIZED VIEW CONCURRENTLY "+v); err != nil { // want "sync-api-in-async: `s.Store.Exec` queries the database while `s.refreshMu` is held"
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *server) count(ctx context.Context, owner int64) (int64, error) {
	s.statsMu.Lock()
	defer s.statsMu.Unlock()
	var n int64
	err := s.main.QueryRow(ctx, countOrders, owner).Scan(&n) // want "sync-api-in-async: `s.main.QueryRow` queries the database while `s.statsMu` is held"
	return n, err
}

func (s *server) purge(ctx context.Context, table string) error {
	s.purgeMu.Lock()
	_, err := s.writer.ExecContext(ctx, fmt.Sprintf("DELETE FROM %s WHERE expires_at < now()", table)) // want "sync-api-in-async: `s.writer.ExecContext` queries the database while `s.purgeMu` is held"
	s.purgeMu.Unlock()
	return err
}

type row struct{ N int64 }

func (s *server) latest(ctx context.Context) (row, error) {
	s.statsMu.RLock()
	defer s.statsMu.RUnlock()
	var r row
	err := s.replica.GetContext(ctx, &r, `SELECT count(*) AS n FROM orders`) // want "sync-api-in-async: `s.replica.GetContext` queries the database while `s.statsMu` is held"
	return r, err
}
