//go:build ignore

package api

import (
	"crypto/subtle"
	"net/http"
	"strings"
)

// RequireToken checks a static bearer token shared with the internal callers.
func RequireToken(token string) func(http.Handler) http.Handler {
	want := []byte(token)
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/healthz" {
				next.ServeHTTP(w, r)
				return
			}
			got := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
			if len(want) == 0 || subtle.ConstantTimeCompare([]byte(got), want) != 1 {
				writeErr(w, http.StatusUnauthorized, "unauthorized")
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
