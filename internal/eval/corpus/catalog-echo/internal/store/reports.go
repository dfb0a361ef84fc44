//go:build ignore

package store

import (
	"context"
	"time"
)

// BrandSales is revenue per brand.
type BrandSales struct {
	BrandID    int64  `db:"brand_id"`
	Brand      string `db:"brand"`
	RevenueCts int64  `db:"revenue_cents"`
}

// TopBrands returns the brands with the most revenue since t.
func (s *Store) TopBrands(ctx context.Context, since time.Time, limit int) ([]BrandSales, error) {
	var out []BrandSales
	err := s.db.SelectContext(ctx, &out,
		`SELECT b.id AS brand_id, b.name AS brand, SUM(oi.price_cents * oi.quantity) AS revenue_cents
		   FROM order_items oi JOIN products p ON p.id = oi.product_id JOIN brands b ON b.id = p.brand_id
		  WHERE oi.created_at >= $1 GROUP BY b.id, b.name ORDER BY revenue_cents DESC LIMIT $2`, since, limit)
	return out, err
}

// UnpricedProducts streams products without a price until max rows have been read.
func (s *Store) UnpricedProducts(ctx context.Context, max int) ([]Product, error) {
	rows, err := s.db.QueryxContext(ctx, `SELECT * FROM products WHERE price_cents = 0 ORDER BY id`) // expect: missing-release
	if err != nil {
		return nil, err
	}
	var out []Product
	for rows.Next() {
		var p Product
		if err := rows.StructScan(&p); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, p)
		if len(out) == max {
			break
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	return out, nil
}
