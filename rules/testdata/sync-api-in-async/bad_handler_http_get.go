package api

import (
	"io"
	"net/http"
)

func proxyAvatar(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("https://avatars.example.com/" + r.URL.Query().Get("u")) // want "sync-api-in-async: `http.Get` inside HTTP handler `proxyAvatar` uses `http.DefaultClient`, which has no timeout.*http.Client\\{Timeout"
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

func notify(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{}
	resp, err := client.Post("https://hooks.example.com/notify", "application/json", r.Body) // want "sync-api-in-async: `client.Post`.*client with no `Timeout`"
	if err == nil {
		resp.Body.Close()
	}
	w.WriteHeader(http.StatusAccepted)
}
