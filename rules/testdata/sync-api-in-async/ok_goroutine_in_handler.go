package api

import (
	"net/http"
	"time"
)

func track(w http.ResponseWriter, r *http.Request) {
	event := r.URL.Query().Get("e")
	go func() {
		time.Sleep(100 * time.Millisecond)
		resp, err := http.Get("https://analytics.example.com/e?name=" + event)
		if err == nil {
			resp.Body.Close()
		}
	}()
	w.WriteHeader(http.StatusNoContent)
}
