//go:build ignore

package api

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"net/http"
	"strings"
	"time"

	lru "github.com/hashicorp/golang-lru/v2/expirable"
)

type ctxKey int

const clientKey ctxKey = 1

// keyCache remembers API key hashes for five minutes, at most 10,000 of them.
var keyCache = lru.NewLRU[string, string](10_000, nil, 5*time.Minute)

// apiKeyAuth resolves the caller from the Authorization header.
func (s *server) apiKeyAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			http.Error(w, "missing credentials", http.StatusUnauthorized)
			return
		}
		sum := sha256.Sum256([]byte(raw))
		hash := hex.EncodeToString(sum[:])
		client, found := keyCache.Get(hash)
		if !found {
			err := s.Pool.QueryRow(r.Context(), `SELECT client_id FROM api_keys WHERE hash = $1 AND revoked_at IS NULL`, hash).Scan(&client)
			if err != nil {
				http.Error(w, "invalid credentials", http.StatusUnauthorized)
				return
			}
			keyCache.Add(hash, client)
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), clientKey, client)))
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// accessLog logs one line per request.
func accessLog(log *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
			next.ServeHTTP(rec, r)
			log.InfoContext(r.Context(), "request", "method", r.Method, "path", r.URL.Path, "status", rec.status, "dur", time.Since(start))
		})
	}
}
