package api

import (
	"context"
	"net/http"
)

func webhook(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodPost, "https://hooks.example.com", r.Body)
	resp, err := http.DefaultClient.Do(req) // want "sync-api-in-async: `http.DefaultClient.Do` inside HTTP handler `webhook` sends a request with no context"
	if err == nil {
		resp.Body.Close()
	}
}
