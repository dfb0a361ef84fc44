//go:build ignore

// Package query serves time-series reads.
package query

import (
	"bytes"
	"encoding/json"
	"net/http"
	"time"

	"example.com/telemetry/internal/storage"
)

var allowedSteps = map[string]time.Duration{
	"1m": time.Minute, "5m": 5 * time.Minute, "1h": time.Hour, "1d": 24 * time.Hour,
}

// SeriesHandler returns aggregated buckets for one or more metrics of a device.
func SeriesHandler(store *storage.Store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		step, ok := allowedSteps[q.Get("step")]
		if !ok {
			step = 5 * time.Minute
		}
		to := time.Now()
		from := to.Add(-24 * time.Hour)
		if v, err := time.Parse(time.RFC3339, q.Get("from")); err == nil {
			from = v
		}
		if v, err := time.Parse(time.RFC3339, q.Get("to")); err == nil {
			to = v
		}
		if to.Sub(from) > 31*24*time.Hour {
			http.Error(w, "range too large", http.StatusBadRequest)
			return
		}
		metrics := q["metric"]
		if len(metrics) == 0 || len(metrics) > 8 {
			http.Error(w, "between 1 and 8 metrics", http.StatusBadRequest)
			return
		}
		out := make(map[string][]storage.Bucket, len(metrics))
		for _, m := range metrics {
			buckets, err := store.Series(r.Context(), r.PathValue("id"), m, from, to, step)
			if err != nil {
				http.Error(w, "query failed", http.StatusInternalServerError)
				return
			}
			out[m] = buckets
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(out)
	})
}

// ArchiveHandler forwards a device's raw export to the cold-storage archive.
func ArchiveHandler(archiveURL string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := json.Marshal(map[string]string{"device_id": r.PathValue("id"), "requested_by": r.Header.Get("X-User")})
		if err != nil {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		req, err := http.NewRequest(http.MethodPost, archiveURL+"/exports", bytes.NewReader(body))
		if err != nil {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req) // expect: sync-api-in-async
		if err != nil {
			http.Error(w, "archive unavailable", http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		w.WriteHeader(resp.StatusCode)
	})
}
