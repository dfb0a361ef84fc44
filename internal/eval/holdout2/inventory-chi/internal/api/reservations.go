//go:build ignore

package api

import (
	"encoding/json"
	"net/http"
)

type reserveReq struct {
	OrderID int64 `json:"orderId"`
	Lines   []struct {
		ItemID   int64 `json:"itemId"`
		Location int64 `json:"location"`
		Qty      int   `json:"qty"`
	} `json:"lines"`
}

// reserve holds stock for an order. All lines go in one statement; the mutex keeps two
// reservations from this process from interleaving their availability checks.
func (h *Handler) reserve(w http.ResponseWriter, r *http.Request) {
	var req reserveReq
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || len(req.Lines) == 0 {
		writeErr(w, http.StatusBadRequest, "bad_request")
		return
	}
	items := make([]int64, len(req.Lines))
	locs := make([]int64, len(req.Lines))
	qtys := make([]int, len(req.Lines))
	for i, l := range req.Lines {
		items[i], locs[i], qtys[i] = l.ItemID, l.Location, l.Qty
	}

	h.reserveMu.Lock()
	res, err := h.db.ExecContext(r.Context(), reserveSQL, req.OrderID, items, locs, qtys) // expect: sync-api-in-async
	h.reserveMu.Unlock()
	if err != nil {
		writeErr(w, http.StatusInternalServerError, "db")
		return
	}
	if n, _ := res.RowsAffected(); int(n) != len(req.Lines) {
		writeErr(w, http.StatusConflict, "partial")
		return
	}
	writeJSON(w, http.StatusCreated, map[string]int{"reserved": len(req.Lines)})
}

const reserveSQL = `
		WITH want AS (
			SELECT * FROM unnest($2::bigint[], $3::bigint[], $4::int[]) AS w(item_id, location_id, qty)
		), ok AS (
			UPDATE stock s SET reserved = s.reserved + w.qty
			  FROM want w
			 WHERE s.item_id = w.item_id AND s.location_id = w.location_id AND s.on_hand - s.reserved >= w.qty
			RETURNING s.item_id, s.location_id, w.qty
		)
		INSERT INTO reservations (order_id, item_id, location_id, qty)
		SELECT $1, item_id, location_id, qty FROM ok`
