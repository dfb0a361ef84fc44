//go:build ignore

package httpapi

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

type createRequest struct {
	Template   string            `json:"template"`
	Recipients []string          `json:"recipients"`
	Data       map[string]string `json:"data"`
	LinkURL    string            `json:"link_url"`
}

type notificationView struct {
	ID        int64      `json:"id"`
	Channel   string     `json:"channel"`
	Subject   string     `json:"subject"`
	ReadAt    *time.Time `json:"read_at"`
	CreatedAt time.Time  `json:"created_at"`
}

// titleOf extracts the <title> of an HTML page, for the preview line.
func titleOf(page []byte) string {
	s := string(page)
	start := strings.Index(s, "<title>")
	end := strings.Index(s, "</title>")
	if start < 0 || end < start {
		return ""
	}
	return strings.TrimSpace(s[start+len("<title>") : end])
}

func (s *Server) createNotification(w http.ResponseWriter, r *http.Request) {
	var req createRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&req); err != nil {
		s.fail(w, r, http.StatusBadRequest, err)
		return
	}
	if !s.tpl.Has(req.Template) || len(req.Recipients) == 0 || len(req.Recipients) > 1000 {
		s.fail(w, r, http.StatusUnprocessableEntity, errors.New("unknown template or bad recipient list"))
		return
	}
	preview := ""
	if req.LinkURL != "" {
		client := &http.Client{}
		resp, err := client.Get(req.LinkURL) // expect: sync-api-in-async
		if err == nil {
			page, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
			resp.Body.Close()
			preview = titleOf(page)
		}
	}

	ctx := r.Context()
	queued := 0
	for _, userID := range req.Recipients {
		var channel string
		err := s.db.QueryRowContext(ctx, `SELECT channel FROM preferences WHERE user_id = $1 AND template = $2 AND enabled`, userID, req.Template).Scan(&channel) // expect: query-in-loop
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			s.fail(w, r, http.StatusInternalServerError, err)
			return
		}
		payload, _ := json.Marshal(map[string]any{"user_id": userID, "channel": channel, "template": req.Template, "data": req.Data, "preview": preview})
		if _, err := s.db.ExecContext(ctx, `INSERT INTO outbox (topic, payload) VALUES ('notification', $1)`, payload); err != nil { // expect: query-in-loop
			s.fail(w, r, http.StatusInternalServerError, err)
			return
		}
		queued++
	}
	writeJSON(w, http.StatusAccepted, map[string]int{"queued": queued})
}

func (s *Server) listNotifications(w http.ResponseWriter, r *http.Request) {
	userID := r.PathValue("id")
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	rows, err := s.db.QueryContext(r.Context(), `SELECT id, channel, subject, read_at, created_at
		FROM notifications WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2`, userID, limit)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	defer rows.Close()
	out := make([]notificationView, 0, limit)
	for rows.Next() {
		var n notificationView
		if err := rows.Scan(&n.ID, &n.Channel, &n.Subject, &n.ReadAt, &n.CreatedAt); err != nil {
			s.fail(w, r, http.StatusInternalServerError, fmt.Errorf("scan: %w", err))
			return
		}
		out = append(out, n)
	}
	if err := rows.Err(); err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}
