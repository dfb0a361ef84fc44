package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

func Routes() http.Handler {
	r := chi.NewRouter()
	r.Get("/status", func(w http.ResponseWriter, req *http.Request) {
		resp, err := http.Head("https://status.example.com") // want "sync-api-in-async: `http.Head` inside HTTP handler"
		if err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		resp.Body.Close()
		w.WriteHeader(http.StatusOK)
	})
	return r
}
