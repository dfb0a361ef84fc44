//go:build ignore

package handlers

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"

	"example.com/billing/internal/store"
)

type invoiceHandler struct {
	Deps
}

func (h *invoiceHandler) list(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit <= 0 || limit > 100 {
		limit = 25
	}
	invoices, err := h.Store.CustomerInvoices(r.Context(), chi.URLParam(r, "customerID"), limit)
	if err != nil {
		h.Logger.Error("listing invoices", "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"invoices": invoices})
}

func (h *invoiceHandler) get(w http.ResponseWriter, r *http.Request) {
	id := chi.URLParam(r, "invoiceID")
	var inv store.Invoice
	if ok, err := h.Cache.Get(r.Context(), id, &inv); err == nil && ok {
		writeJSON(w, http.StatusOK, inv)
		return
	}
	inv, err := h.Store.Invoice(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, "invoice not found")
		return
	}
	if err != nil {
		h.Logger.Error("loading invoice", "id", id, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
		return
	}
	if err := h.Cache.Put(r.Context(), id, inv); err != nil {
		h.Logger.Warn("caching invoice", "id", id, "err", err)
	}
	writeJSON(w, http.StatusOK, inv)
}

// pdf asks the renderer service for the invoice PDF and streams it back.
func (h *invoiceHandler) pdf(w http.ResponseWriter, r *http.Request) {
	id := chi.URLParam(r, "invoiceID")
	resp, err := http.Get(fmt.Sprintf("%s/render/invoice/%s.pdf", h.RendererURL, id)) // expect: sync-api-in-async
	if err != nil {
		writeError(w, http.StatusBadGateway, "renderer unavailable")
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		writeError(w, http.StatusBadGateway, fmt.Sprintf("renderer returned %d", resp.StatusCode))
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	_, _ = io.Copy(w, resp.Body)
}

// send emails the invoice through the mailer service.
func (h *invoiceHandler) send(w http.ResponseWriter, r *http.Request) {
	id := chi.URLParam(r, "invoiceID")
	inv, err := h.Store.Invoice(r.Context(), id)
	if err != nil {
		writeError(w, http.StatusNotFound, "invoice not found")
		return
	}
	body, _ := json.Marshal(map[string]any{"template": "invoice", "invoice_id": inv.ID, "customer_id": inv.CustomerID})
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, "http://mailer:8080/v1/send", bytes.NewReader(body))
	if err != nil {
		writeError(w, http.StatusInternalServerError, "internal error")
		return
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		writeError(w, http.StatusBadGateway, "mailer unavailable")
		return
	}
	defer resp.Body.Close()
	writeJSON(w, http.StatusAccepted, map[string]any{"queued": resp.StatusCode == http.StatusAccepted})
}

type creditRequest struct {
	AmountCents int64  `json:"amount_cents"`
	Reason      string `json:"reason"`
}

func (h *invoiceHandler) applyCredit(w http.ResponseWriter, r *http.Request) {
	var req creditRequest
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<16)).Decode(&req); err != nil || req.AmountCents <= 0 {
		writeError(w, http.StatusBadRequest, "invalid credit")
		return
	}
	customerID := chi.URLParam(r, "customerID")
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		err = h.Store.ApplyCredit(r.Context(), customerID, req.AmountCents, req.Reason)
		if err == nil || !isSerializationFailure(err) {
			break
		}
		time.Sleep(time.Duration(attempt+1) * 50 * time.Millisecond) // expect: sync-api-in-async
	}
	if err != nil {
		h.Logger.Error("applying credit", "customer", customerID, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func isSerializationFailure(err error) bool {
	var coded interface{ SQLState() string }
	return errors.As(err, &coded) && coded.SQLState() == "40001"
}
