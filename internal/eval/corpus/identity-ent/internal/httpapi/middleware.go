//go:build ignore

package httpapi

import (
	"net/http"
	"strings"
	"sync"
	"time"
)

// corsPolicy holds the allowed origins, reloaded by the admin API.
type corsPolicy struct {
	mu      sync.RWMutex
	origins map[string]bool
	updated time.Time
}

var cors = &corsPolicy{origins: map[string]bool{}}

// SetOrigins replaces the allowed origins.
func (p *corsPolicy) SetOrigins(origins []string) {
	next := make(map[string]bool, len(origins))
	for _, o := range origins {
		next[strings.TrimRight(o, "/")] = true
	}
	p.mu.Lock()
	p.origins, p.updated = next, time.Now()
	p.mu.Unlock()
}

func (p *corsPolicy) allowed(origin string) bool {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.origins[origin]
}

// CORS sets CORS headers for allowed origins and answers preflight requests.
func CORS(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if origin != "" && cors.allowed(origin) {
			w.Header().Set("Access-Control-Allow-Origin", origin)
			w.Header().Set("Access-Control-Allow-Credentials", "true")
			w.Header().Add("Vary", "Origin")
		}
		if r.Method == http.MethodOptions {
			w.Header().Set("Access-Control-Allow-Methods", "GET, POST, DELETE")
			w.Header().Set("Access-Control-Allow-Headers", "Content-Type, Authorization")
			w.WriteHeader(http.StatusNoContent)
			return
		}
		next.ServeHTTP(w, r)
	})
}
