package registry

import (
	"net/http"
	"time"
)

var handlers = map[string]http.HandlerFunc{}

var cacheKeys = map[string]string{
	"user":  "u:%s",
	"order": "o:%s",
}

var statusCache = map[int]string{}

func init() {
	for code := 100; code < 600; code++ {
		statusCache[code] = http.StatusText(code)
	}
}

func Register(path string, h http.HandlerFunc) {
	handlers[path] = h
}

func serve(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Date", time.Now().Format(http.TimeFormat))
	if h, ok := handlers[r.URL.Path]; ok {
		h(w, r)
	}
	_ = cacheKeys["user"]
	_ = statusCache[200]
}
