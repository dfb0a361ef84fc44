//go:build ignore

package handlers

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strings"
	"time"
)

type webhookHandler struct {
	Deps
}

type stripeEvent struct {
	ID   string `json:"id"`
	Type string `json:"type"`
	Data struct {
		Object struct {
			ID       string `json:"id"`
			Invoice  string `json:"invoice"`
			Customer string `json:"customer"`
		} `json:"object"`
	} `json:"data"`
}

var webhookSecret = []byte(os.Getenv("STRIPE_WEBHOOK_SECRET"))

func verifyStripeSignature(payload []byte, header string) bool {
	var ts, sig string
	for _, part := range strings.Split(header, ",") {
		k, v, _ := strings.Cut(part, "=")
		switch k {
		case "t":
			ts = v
		case "v1":
			sig = v
		}
	}
	mac := hmac.New(sha256.New, webhookSecret)
	mac.Write([]byte(ts + "." + string(payload)))
	expected := hex.EncodeToString(mac.Sum(nil))
	return hmac.Equal([]byte(expected), []byte(sig))
}

func (h *webhookHandler) stripe(w http.ResponseWriter, r *http.Request) {
	payload, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil || !verifyStripeSignature(payload, r.Header.Get("Stripe-Signature")) {
		writeError(w, http.StatusBadRequest, "invalid signature")
		return
	}
	var ev stripeEvent
	if err := json.Unmarshal(payload, &ev); err != nil {
		writeError(w, http.StatusBadRequest, "invalid payload")
		return
	}
	switch ev.Type {
	case "invoice.paid":
		// Stripe sometimes delivers invoice.paid before our invoice.created
		// handler has committed; give it a moment before looking the invoice up.
		time.Sleep(2 * time.Second) // expect: sync-api-in-async
		if _, err := h.Store.MarkPaid(r.Context(), []string{ev.Data.Object.ID}); err != nil {
			h.Logger.Error("marking invoice paid", "stripe_invoice", ev.Data.Object.ID, "err", err)
			writeError(w, http.StatusInternalServerError, "retry later")
			return
		}
		_ = h.Cache.Invalidate(r.Context(), ev.Data.Object.ID)
	case "customer.deleted":
		h.Logger.Info("stripe customer deleted", "customer", ev.Data.Object.Customer)
	default:
		h.Logger.Debug("ignoring stripe event", "type", ev.Type)
	}
	w.WriteHeader(http.StatusOK)
}
