//go:build ignore

// Package httpapi is the identity service's HTTP API (net/http + chi).
package httpapi

import (
	"encoding/json"
	"io"
	"net/http"
	"os"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"example.com/identity/internal/accounts"
	"example.com/identity/internal/audit"
	"example.com/identity/internal/sessions"
	"example.com/identity/internal/tokens"
)

// API holds the handlers' dependencies.
type API struct {
	accounts    *accounts.Service
	sessions    *sessions.Store
	audit       *audit.Writer
	revocations *tokens.RevocationList
	issuer      string
}

// New returns the API.
func New(acc *accounts.Service, sess *sessions.Store, aw *audit.Writer, rl *tokens.RevocationList, issuer string) *API {
	return &API{accounts: acc, sessions: sess, audit: aw, revocations: rl, issuer: issuer}
}

// Routes returns the router.
func (a *API) Routes() http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.RealIP, middleware.Recoverer)
	r.Post("/login", a.login)
	r.Post("/logout", a.logout)
	r.Get("/.well-known/openid-configuration", a.discovery)
	r.Get("/jwks.json", a.jwks)
	r.Get("/federation/{provider}/callback", a.federationCallback)
	r.Route("/admin", func(r chi.Router) {
		r.Use(a.requireAdmin)
		r.Post("/users/{id}/disable", a.disableUser)
		r.Post("/groups/{id}/sync", a.syncGroup)
		r.Post("/scim/push", a.scimPush)
	})
	return r
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// jwks serves the public signing keys published by the key management service.
func (a *API) jwks(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get(os.Getenv("KMS_URL") + "/v1/keys/signing/public.jwks") // expect: sync-api-in-async
	if err != nil {
		http.Error(w, "key service unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.Header().Set("Content-Type", "application/jwk-set+json")
	w.Header().Set("Cache-Control", "public, max-age=300")
	_, _ = io.Copy(w, resp.Body)
}
