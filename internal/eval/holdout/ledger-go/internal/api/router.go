//go:build ignore

package api

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/mux"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"

	"example.com/ledger/internal/cache"
	"example.com/ledger/internal/fx"
	"example.com/ledger/internal/store"
)

// Deps are the handlers' collaborators.
type Deps struct {
	Store    *store.Store
	Pool     *pgxpool.Pool
	Balances *cache.Balances
	Rates    *fx.Provider
	Redis    *redis.Client
	Log      *slog.Logger
}

type server struct {
	Deps
	refreshMu sync.Mutex
}

// NewRouter wires the HTTP API.
func NewRouter(d Deps) http.Handler {
	s := &server{Deps: d}
	r := mux.NewRouter()
	r.Use(s.timeout(10 * time.Second))
	r.HandleFunc("/accounts/{id:[0-9]+}", s.getAccount).Methods(http.MethodGet)
	r.HandleFunc("/owners/{owner}/balances", s.ownerBalances).Methods(http.MethodGet)
	r.HandleFunc("/owners/{owner}/summary", s.ownerSummary).Methods(http.MethodGet)
	r.HandleFunc("/accounts/{id:[0-9]+}/entries", s.listEntries).Methods(http.MethodGet)
	r.HandleFunc("/accounts/{id:[0-9]+}/statements/{month}", s.statement).Methods(http.MethodGet)
	r.HandleFunc("/transfers", s.createTransfer).Methods(http.MethodPost)
	r.HandleFunc("/quotes", s.quote).Methods(http.MethodGet)
	r.HandleFunc("/admin/refresh-views", s.refreshViews).Methods(http.MethodPost)
	r.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		if err := s.Pool.Ping(r.Context()); err != nil {
			http.Error(w, "db down", http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	return r
}

func (s *server) timeout(d time.Duration) mux.MiddlewareFunc {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx, cancel := context.WithTimeout(r.Context(), d)
			defer cancel()
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (s *server) fail(w http.ResponseWriter, r *http.Request, status int, err error) {
	s.Log.ErrorContext(r.Context(), "request failed", "path", r.URL.Path, "err", err)
	writeJSON(w, status, map[string]string{"error": http.StatusText(status)})
}
