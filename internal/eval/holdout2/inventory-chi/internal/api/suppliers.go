//go:build ignore

package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"

	"github.com/go-chi/chi/v5"
)

var supplierGateway = os.Getenv("SUPPLIER_GATEWAY_URL")

type catalogEntry struct {
	SupplierSKU string `json:"supplierSku"`
	OurSKU      string `json:"ourSku"`
	LeadDays    int    `json:"leadDays"`
	PriceCents  int    `json:"priceCents"`
}

// supplierCatalog proxies the supplier gateway so buyers see live lead times.
func (h *Handler) supplierCatalog(w http.ResponseWriter, r *http.Request) {
	u := fmt.Sprintf("%s/suppliers/%s/catalog", supplierGateway, url.PathEscape(chi.URLParam(r, "id")))
	resp, err := http.Get(u) // expect: sync-api-in-async, missing-release
	if err != nil {
		writeErr(w, http.StatusBadGateway, "gateway")
		return
	}
	if resp.StatusCode != http.StatusOK {
		writeErr(w, http.StatusBadGateway, fmt.Sprintf("gateway_%d", resp.StatusCode))
		return
	}
	defer resp.Body.Close()

	var entries []catalogEntry
	if err := json.NewDecoder(resp.Body).Decode(&entries); err != nil {
		writeErr(w, http.StatusBadGateway, "gateway_body")
		return
	}
	writeJSON(w, http.StatusOK, entries)
}
