//go:build ignore

// Package handlers exposes the billing HTTP API.
package handlers

import (
	"encoding/json"
	"log/slog"
	"net/http"

	"github.com/go-chi/chi/v5"

	"example.com/billing/internal/cache"
	"example.com/billing/internal/store"
	"example.com/billing/internal/stripe"
)

// Deps are the handlers' collaborators.
type Deps struct {
	Store       *store.Store
	Cache       *cache.InvoiceCache
	Stripe      *stripe.Client
	Logger      *slog.Logger
	RendererURL string
}

// Mount registers every route on r.
func Mount(r chi.Router, d Deps) {
	inv := &invoiceHandler{Deps: d}
	wh := &webhookHandler{Deps: d}
	r.Get("/healthz", health(d))
	r.Route("/v1/customers/{customerID}", func(r chi.Router) {
		r.Get("/invoices", inv.list)
		r.Post("/credits", inv.applyCredit)
	})
	r.Get("/v1/invoices/{invoiceID}", inv.get)
	r.Get("/v1/invoices/{invoiceID}/pdf", inv.pdf)
	r.Post("/v1/invoices/{invoiceID}/send", inv.send)
	r.Post("/webhooks/stripe", wh.stripe)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}
