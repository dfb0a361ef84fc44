//go:build ignore

package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strconv"
)

var partnerQuoteURL = os.Getenv("PARTNER_QUOTE_URL")

type partnerQuote struct {
	Rate      float64 `json:"rate"`
	ExpiresIn int     `json:"expires_in"`
}

func (s *server) quote(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	from, to := q.Get("from"), q.Get("to")
	amount, err := strconv.ParseInt(q.Get("amount"), 10, 64)
	if err != nil || from == "" || to == "" {
		s.fail(w, r, http.StatusBadRequest, fmt.Errorf("from, to and amount are required"))
		return
	}

	// Mid-market rate from our own provider (its client has a timeout).
	mid, err := s.Rates.Rate(r.Context(), from, to)
	if err != nil {
		s.fail(w, r, http.StatusBadGateway, err)
		return
	}

	// Partner's executable quote, when configured.
	if partnerQuoteURL != "" {
		u := partnerQuoteURL + "?" + url.Values{"from": {from}, "to": {to}, "amount": {q.Get("amount")}}.Encode()
		resp, err := http.Get(u) // expect: sync-api-in-async
		if err != nil {
			s.fail(w, r, http.StatusBadGateway, err)
			return
		}
		defer resp.Body.Close()
		var pq partnerQuote
		if resp.StatusCode == http.StatusOK && json.NewDecoder(resp.Body).Decode(&pq) == nil {
			writeJSON(w, http.StatusOK, map[string]any{"rate": pq.Rate, "amount": float64(amount) * pq.Rate, "source": "partner"})
			return
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"rate": mid, "amount": float64(amount) * mid, "source": "mid"})
}
