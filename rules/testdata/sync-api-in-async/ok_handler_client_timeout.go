package api

import (
	"io"
	"net/http"
	"time"
)

var upstream = &http.Client{Timeout: 5 * time.Second}

func proxy(w http.ResponseWriter, r *http.Request) {
	resp, err := upstream.Get("https://upstream.example.com/data")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

func proxyLocal(w http.ResponseWriter, r *http.Request) {
	c := http.Client{Timeout: 2 * time.Second, Transport: http.DefaultTransport}
	resp, err := c.Get("https://upstream.example.com/other")
	if err == nil {
		resp.Body.Close()
	}
}
