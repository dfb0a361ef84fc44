//go:build ignore

package handlers

import (
	"context"
	"net/http"
	"time"
)

func health(d Deps) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if _, err := d.Store.CustomerByID(ctx, "00000000-0000-0000-0000-000000000000"); err != nil && err.Error() != "store: not found" {
			d.Logger.Warn("health check: database", "err", err)
			writeError(w, http.StatusServiceUnavailable, "database unavailable")
			return
		}
		writeJSON(w, http.StatusOK, map[string]bool{"ok": true})
	}
}
