//go:build ignore

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"
)

func (s *Store) Item(ctx context.Context, sku string) (Item, error) {
	var it Item
	err := s.db.GetContext(ctx, &it, `SELECT id, sku, name, unit, reorder_at, updated_at FROM items WHERE sku = $1`, sku)
	if errors.Is(err, sql.ErrNoRows) {
		return it, ErrNotFound
	}
	return it, err
}

func (s *Store) ItemsBySKU(ctx context.Context, skus []string) ([]Item, error) {
	if len(skus) == 0 {
		return nil, nil
	}
	q, args, err := sqlx.In(`SELECT id, sku, name, unit, reorder_at, updated_at FROM items WHERE sku IN (?)`, skus)
	if err != nil {
		return nil, err
	}
	var items []Item
	err = s.db.SelectContext(ctx, &items, s.db.Rebind(q), args...)
	return items, err
}

// StockLevels returns on-hand and reserved quantities for every location holding the items.
func (s *Store) StockLevels(ctx context.Context, itemIDs []int64) (map[int64][]StockLevel, error) {
	q, args, err := sqlx.In(`SELECT item_id, location_id, on_hand, reserved FROM stock WHERE item_id IN (?)`, itemIDs)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryxContext(ctx, s.db.Rebind(q), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()

	out := make(map[int64][]StockLevel, len(itemIDs))
	for rows.Next() {
		var lvl StockLevel
		if err := rows.StructScan(&lvl); err != nil {
			return nil, err
		}
		out[lvl.ItemID] = append(out[lvl.ItemID], lvl)
	}
	return out, rows.Err()
}

const lowStockSQL = `
	SELECT i.id, i.sku, coalesce(sum(st.on_hand - st.reserved), 0) AS available, i.reorder_at
	  FROM items i LEFT JOIN stock st ON st.item_id = i.id
	 GROUP BY i.id
	HAVING coalesce(sum(st.on_hand - st.reserved), 0) <= i.reorder_at
	 ORDER BY available
	 LIMIT $1`

type LowStockRow struct {
	ItemID    int64
	SKU       string
	Available int
	ReorderAt int
}

// LowStock lists items whose total available quantity is at or below their reorder point.
func (s *Store) LowStock(ctx context.Context, limit int) ([]LowStockRow, error) {
	rows, err := s.db.QueryContext(ctx, lowStockSQL, limit) // expect: missing-release
	if err != nil {
		return nil, fmt.Errorf("low stock: %w", err)
	}

	var out []LowStockRow
	for rows.Next() {
		var r LowStockRow
		if err := rows.Scan(&r.ItemID, &r.SKU, &r.Available, &r.ReorderAt); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
