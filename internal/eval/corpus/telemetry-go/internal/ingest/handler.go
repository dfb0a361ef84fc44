//go:build ignore

package ingest

import (
	"encoding/json"
	"net/http"
	"time"
)

const maxBody = 1 << 20

// Handler accepts a JSON array of points.
func Handler(p *Pipeline) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var points []Point
		dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&points); err != nil {
			http.Error(w, "invalid payload: "+err.Error(), http.StatusBadRequest)
			return
		}
		now := time.Now()
		for i := range points {
			if points[i].Time.IsZero() || points[i].Time.After(now.Add(time.Minute)) {
				points[i].Time = now
			}
		}
		if !p.Enqueue(points) {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "ingest queue full", http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusAccepted)
	})
}
