//go:build ignore

package api

import (
	"context"
	"io"
	"net/http"
	"os"
	"time"
)

var probeClient = &http.Client{Timeout: 2 * time.Second}

var purchasingURL = os.Getenv("PURCHASING_URL")

func (h *Handler) health(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()

	status := map[string]string{"db": "ok", "purchasing": "ok"}
	code := http.StatusOK

	if err := h.db.PingContext(ctx); err != nil {
		status["db"] = err.Error()
		code = http.StatusServiceUnavailable
	}

	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, purchasingURL+"/healthz", nil)
	resp, err := probeClient.Do(req)
	if err != nil {
		status["purchasing"] = err.Error()
	} else {
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			status["purchasing"] = resp.Status
		}
	}
	writeJSON(w, code, status)
}
