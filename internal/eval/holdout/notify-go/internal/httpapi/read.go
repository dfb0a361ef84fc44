//go:build ignore

package httpapi

import (
	"encoding/json"
	"net/http"
	"time"
)

type markReadRequest struct {
	IDs []int64 `json:"ids"`
}

// markRead marks several notifications read in one statement and refreshes
// the unread badge counter, with its expiry, in one pipeline.
func (s *Server) markRead(w http.ResponseWriter, r *http.Request) {
	userID := r.PathValue("id")
	var req markReadRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&req); err != nil || len(req.IDs) == 0 {
		s.fail(w, r, http.StatusBadRequest, err)
		return
	}
	ctx := r.Context()
	res, err := s.db.ExecContext(ctx, `UPDATE notifications SET read_at = now()
		WHERE user_id = $1 AND id = ANY($2) AND read_at IS NULL`, userID, req.IDs)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	n, _ := res.RowsAffected()

	var unread int64
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL`, userID).Scan(&unread); err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	pipe := s.rdb.TxPipeline()
	pipe.Set(ctx, "badge:"+userID, unread, 0)
	pipe.Expire(ctx, "badge:"+userID, 10*time.Minute)
	if _, err := pipe.Exec(ctx); err != nil {
		s.log.WarnContext(ctx, "badge cache", "err", err)
	}
	writeJSON(w, http.StatusOK, map[string]int64{"marked": n, "unread": unread})
}
