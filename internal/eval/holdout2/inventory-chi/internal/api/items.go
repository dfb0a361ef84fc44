//go:build ignore

package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"example.com/inventory/internal/store"
)

func (h *Handler) getItem(w http.ResponseWriter, r *http.Request) {
	it, err := h.store.Item(r.Context(), chi.URLParam(r, "sku"))
	if errors.Is(err, store.ErrNotFound) {
		writeErr(w, http.StatusNotFound, "unknown_sku")
		return
	}
	if err != nil {
		writeErr(w, http.StatusInternalServerError, "db")
		return
	}
	writeJSON(w, http.StatusOK, it)
}

type availabilityReq struct {
	SKUs []string `json:"skus"`
}

type availabilityResp struct {
	SKU       string `json:"sku"`
	Available int    `json:"available"`
}

// availability is called by the storefront for a basket of SKUs.
func (h *Handler) availability(w http.ResponseWriter, r *http.Request) {
	var req availabilityReq
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&req); err != nil {
		writeErr(w, http.StatusBadRequest, "bad_json")
		return
	}
	if len(req.SKUs) > 200 {
		writeErr(w, http.StatusBadRequest, "too_many_skus")
		return
	}

	out := make([]availabilityResp, 0, len(req.SKUs))
	for _, sku := range req.SKUs {
		var avail int
		err := h.db.GetContext(r.Context(), &avail, // expect: query-in-loop
			`SELECT coalesce(sum(st.on_hand - st.reserved), 0)
			   FROM stock st JOIN items i ON i.id = st.item_id
			  WHERE i.sku = $1`, sku)
		if err != nil {
			writeErr(w, http.StatusInternalServerError, "db")
			return
		}
		out = append(out, availabilityResp{SKU: sku, Available: avail})
	}
	writeJSON(w, http.StatusOK, out)
}

type adjustReq struct {
	Location int64  `json:"location"`
	Counted  int    `json:"counted"`
	Reason   string `json:"reason"`
}

func (h *Handler) adjust(w http.ResponseWriter, r *http.Request) {
	var req adjustReq
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Reason == "" {
		writeErr(w, http.StatusBadRequest, "bad_request")
		return
	}
	it, err := h.store.Item(r.Context(), chi.URLParam(r, "sku"))
	if err != nil {
		writeErr(w, http.StatusNotFound, "unknown_sku")
		return
	}
	if err := h.store.Adjust(r.Context(), it.ID, req.Location, req.Counted, req.Reason); err != nil {
		writeErr(w, http.StatusInternalServerError, "db")
		return
	}
	h.stock.Forget(r.Context(), it.SKU)
	writeJSON(w, http.StatusOK, map[string]string{"status": "adjusted", "item": strconv.FormatInt(it.ID, 10)})
}

func (h *Handler) pickList(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		writeErr(w, http.StatusBadRequest, "bad_id")
		return
	}
	lines, err := h.store.PickList(r.Context(), id)
	if err != nil {
		writeErr(w, http.StatusInternalServerError, "db")
		return
	}
	writeJSON(w, http.StatusOK, lines)
}
