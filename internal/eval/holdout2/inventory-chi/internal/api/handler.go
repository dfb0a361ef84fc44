//go:build ignore

package api

import (
	"encoding/json"
	"net/http"
	"sync"

	"github.com/go-chi/chi/v5"
	"github.com/jmoiron/sqlx"

	"example.com/inventory/internal/cache"
	"example.com/inventory/internal/store"
)

type Handler struct {
	store *store.Store
	stock *cache.Stock
	db    *sqlx.DB

	// reserveMu serialises reservations per warehouse process.
	reserveMu sync.Mutex
}

func NewHandler(st *store.Store, stock *cache.Stock, db *sqlx.DB) *Handler {
	return &Handler{store: st, stock: stock, db: db}
}

func (h *Handler) Mount(r chi.Router) {
	r.Get("/healthz", h.health)
	r.Route("/items", func(r chi.Router) {
		r.Get("/{sku}", h.getItem)
		r.Post("/availability", h.availability)
		r.Post("/{sku}/adjust", h.adjust)
	})
	r.Post("/reservations", h.reserve)
	r.Get("/orders/{id}/picklist", h.pickList)
	r.Get("/suppliers/{id}/catalog", h.supplierCatalog)
	r.Post("/labels/{sku}", h.printLabel)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeErr(w http.ResponseWriter, status int, code string) {
	writeJSON(w, status, map[string]string{"error": code})
}
