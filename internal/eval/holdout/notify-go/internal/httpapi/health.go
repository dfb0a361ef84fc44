//go:build ignore

package httpapi

import (
	"context"
	"net/http"
	"os"
	"time"
)

var smsStatusURL = os.Getenv("SMS_STATUS_URL")

// health checks the database, Redis and the SMS provider's status page.
func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	checks := map[string]string{"db": "ok", "redis": "ok", "sms": "ok"}
	status := http.StatusOK
	if err := s.db.PingContext(ctx); err != nil {
		checks["db"], status = err.Error(), http.StatusServiceUnavailable
	}
	if err := s.rdb.Ping(ctx).Err(); err != nil {
		checks["redis"], status = err.Error(), http.StatusServiceUnavailable
	}
	if smsStatusURL != "" {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, smsStatusURL, nil)
		if err == nil {
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				checks["sms"] = err.Error()
			} else {
				if resp.StatusCode != http.StatusOK {
					checks["sms"] = resp.Status
				}
				resp.Body.Close()
			}
		}
	}
	writeJSON(w, status, checks)
}
