//go:build ignore

package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/go-chi/chi/v5"
)

type providerConfig struct {
	Issuer        string `json:"issuer"`
	TokenEndpoint string `json:"token_endpoint"`
	JWKSURI       string `json:"jwks_uri"`
}

var (
	providersMu sync.Mutex
	// providers caches each federation partner's discovery document by provider name.
	providers = map[string]providerConfig{} // expect: cache-without-ttl
)

var federationClient = &http.Client{Timeout: 5 * time.Second}

func (a *API) discovery(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
		"issuer":                 a.issuer,
		"authorization_endpoint": a.issuer + "/authorize",
		"token_endpoint":         a.issuer + "/token",
		"jwks_uri":               a.issuer + "/jwks.json",
	})
}

func loadProvider(ctx context.Context, name string) (providerConfig, error) {
	providersMu.Lock()
	cfg, ok := providers[name]
	providersMu.Unlock()
	if ok {
		return cfg, nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("https://%s/.well-known/openid-configuration", name), nil)
	if err != nil {
		return providerConfig{}, err
	}
	resp, err := federationClient.Do(req)
	if err != nil {
		return providerConfig{}, err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(&cfg); err != nil {
		return providerConfig{}, err
	}
	providersMu.Lock()
	providers[name] = cfg
	providersMu.Unlock()
	return cfg, nil
}

func (a *API) federationCallback(w http.ResponseWriter, r *http.Request) {
	provider := chi.URLParam(r, "provider")
	cfg, err := loadProvider(r.Context(), provider)
	if err != nil {
		writeJSON(w, http.StatusBadGateway, map[string]string{"error": "provider unavailable"})
		return
	}
	form := url.Values{
		"grant_type":   {"authorization_code"},
		"code":         {r.URL.Query().Get("code")},
		"redirect_uri": {a.issuer + "/federation/" + provider + "/callback"},
	}
	resp, err := http.PostForm(cfg.TokenEndpoint, form) // expect: sync-api-in-async
	if err != nil {
		writeJSON(w, http.StatusBadGateway, map[string]string{"error": "token exchange failed"})
		return
	}
	defer resp.Body.Close()
	var tok struct {
		IDToken string `json:"id_token"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil || tok.IDToken == "" {
		writeJSON(w, http.StatusBadGateway, map[string]string{"error": "no id token"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "linked"})
}
