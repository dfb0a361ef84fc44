//go:build ignore

package httpapi

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"time"
)

var (
	statsSinkURL = os.Getenv("STATS_SINK_URL")
	// Outbound calls from handlers always go through a client with a deadline.
	sinkClient = &http.Client{Timeout: 3 * time.Second}
)

// channels is the fixed set of delivery channels.
var channels = [...]string{"email", "sms", "push"}

// userStats returns per-channel delivery counts for the last 30 days and
// mirrors them to the analytics sink.
func (s *Server) userStats(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	userID := r.PathValue("id")

	// Three channels, three indexed counts.
	counts := make(map[string]int64, len(channels))
	for _, ch := range channels {
		var n int64
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM notifications
			WHERE user_id = $1 AND channel = $2 AND created_at > now() - interval '30 days'`, userID, ch).Scan(&n); err != nil {
			s.fail(w, r, http.StatusInternalServerError, err)
			return
		}
		counts[ch] = n
	}

	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	defer tx.Rollback() //nolint:errcheck // no-op after Commit
	if _, err := tx.ExecContext(ctx, `INSERT INTO stats_requests (user_id, at) VALUES ($1, now())`, userID); err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	if err := tx.Commit(); err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}

	if statsSinkURL != "" {
		body, _ := json.Marshal(map[string]any{"user_id": userID, "counts": counts})
		resp, err := sinkClient.Post(statsSinkURL, "application/json", bytes.NewReader(body))
		if err != nil {
			s.log.WarnContext(ctx, "stats sink", "err", err)
		} else {
			resp.Body.Close()
		}
	}
	writeJSON(w, http.StatusOK, counts)
}
