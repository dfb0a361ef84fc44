//go:build ignore

package jobs

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/jmoiron/sqlx"
)

// Reorder raises purchase requests for low-stock items every 15 minutes.
type Reorder struct {
	db            *sqlx.DB
	purchasingURL string
	client        *http.Client
}

func NewReorder(db *sqlx.DB, purchasingURL string) *Reorder {
	return &Reorder{db: db, purchasingURL: purchasingURL, client: &http.Client{Timeout: 10 * time.Second}}
}

func (j *Reorder) Run(ctx context.Context) {
	t := time.NewTicker(15 * time.Minute)
	defer t.Stop()
	for {
		if err := j.once(ctx); err != nil {
			slog.Error("reorder pass failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

type purchaseRequest struct {
	SupplierID int64  `json:"supplierId"`
	SKU        string `json:"sku"`
	Qty        int    `json:"qty"`
}

func (j *Reorder) once(ctx context.Context) error {
	var low []struct {
		ItemID int64  `db:"id"`
		SKU    string `db:"sku"`
		Short  int    `db:"short"`
	}
	if err := j.db.SelectContext(ctx, &low, `
		SELECT i.id, i.sku, i.reorder_at * 2 - coalesce(sum(st.on_hand - st.reserved), 0) AS short
		  FROM items i LEFT JOIN stock st ON st.item_id = i.id
		 GROUP BY i.id HAVING coalesce(sum(st.on_hand - st.reserved), 0) <= i.reorder_at`); err != nil {
		return err
	}

	reqs := make([]purchaseRequest, 0, len(low))
	for _, it := range low {
		var supplierID int64
		err := j.db.QueryRowxContext(ctx, // expect: query-in-loop
			`SELECT supplier_id FROM supplier_items WHERE item_id = $1 ORDER BY preferred DESC, lead_days LIMIT 1`,
			it.ItemID).Scan(&supplierID)
		if err != nil {
			slog.Warn("no supplier", "sku", it.SKU)
			continue
		}
		reqs = append(reqs, purchaseRequest{SupplierID: supplierID, SKU: it.SKU, Qty: it.Short})
	}
	if len(reqs) == 0 {
		return nil
	}

	body, _ := json.Marshal(reqs)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, j.purchasingURL+"/requests:batch", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := j.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return fmt.Errorf("purchasing: %s: %s", resp.Status, msg)
	}
	return nil
}
