//go:build ignore

package api

import (
	"net/http"
	"time"
)

var materializedViews = []string{"daily_balances", "owner_exposure"}

// refreshViews rebuilds the reporting views. Concurrent refreshes of the same
// view would queue on the database anyway, so requests are serialised here.
func (s *server) refreshViews(w http.ResponseWriter, r *http.Request) {
	started := time.Now()
	s.refreshMu.Lock()
	defer s.refreshMu.Unlock()
	for _, v := range materializedViews {
		if _, err := s.Pool.Exec(r.Context(), "REFRESH MATERIALIZED VIEW CONCURRENTLY "+v); err != nil { // expect: sync-api-in-async
			s.fail(w, r, http.StatusInternalServerError, err)
			return
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"refreshed": materializedViews, "took_ms": time.Since(started).Milliseconds()})
}
