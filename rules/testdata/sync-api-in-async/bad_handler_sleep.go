package api

import (
	"encoding/json"
	"net/http"
	"time"
)

type Server struct{}

func (s *Server) handleExport(w http.ResponseWriter, r *http.Request) {
	for attempt := 0; attempt < 3; attempt++ {
		if ready(r.URL.Query().Get("id")) {
			break
		}
		time.Sleep(2 * time.Second) // want "sync-api-in-async: `time.Sleep` inside HTTP handler `Server.handleExport`.*r.Context\\(\\).Done\\(\\)"
	}
	json.NewEncoder(w).Encode(map[string]bool{"ok": true})
}

func ready(id string) bool { return id != "" }
