//go:build ignore

package httpapi

import (
	"encoding/json"
	"fmt"
	"net/http"
)

type preference struct {
	Template string `json:"template"`
	Channel  string `json:"channel"`
	Enabled  bool   `json:"enabled"`
}

var validChannels = map[string]bool{"email": true, "sms": true, "push": true}

func prefsKey(userID string) string { return "prefs:" + userID }

// putPreferences replaces a user's notification preferences.
func (s *Server) putPreferences(w http.ResponseWriter, r *http.Request) {
	userID := r.PathValue("id")
	var prefs []preference
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&prefs); err != nil {
		s.fail(w, r, http.StatusBadRequest, err)
		return
	}
	ctx := r.Context()

	tx, err := s.db.BeginTx(ctx, nil) // expect: missing-release
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM preferences WHERE user_id = $1`, userID); err != nil {
		_ = tx.Rollback()
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	templates := make([]string, 0, len(prefs))
	channels := make([]string, 0, len(prefs))
	enabled := make([]bool, 0, len(prefs))
	for _, p := range prefs {
		if !validChannels[p.Channel] || !s.tpl.Has(p.Template) {
			s.fail(w, r, http.StatusUnprocessableEntity, fmt.Errorf("bad preference %s/%s", p.Template, p.Channel))
			return
		}
		templates = append(templates, p.Template)
		channels = append(channels, p.Channel)
		enabled = append(enabled, p.Enabled)
	}
	// One INSERT … SELECT FROM unnest for the whole list.
	if _, err := tx.ExecContext(ctx, `INSERT INTO preferences (user_id, template, channel, enabled)
		SELECT $1, t, c, e FROM unnest($2::text[], $3::text[], $4::bool[]) AS x(t, c, e)`,
		userID, templates, channels, enabled); err != nil {
		_ = tx.Rollback()
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	if err := tx.Commit(); err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}

	// Read path is cache-first; the entry is replaced on every write, so it
	// never needs to expire.
	body, _ := json.Marshal(prefs)
	if err := s.rdb.Set(ctx, prefsKey(userID), body, 0).Err(); err != nil { // expect: cache-without-ttl
		s.log.WarnContext(ctx, "preferences cache write failed", "err", err)
	}
	writeJSON(w, http.StatusOK, prefs)
}
