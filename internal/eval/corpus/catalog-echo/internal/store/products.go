//go:build ignore

// Package store is the catalog's PostgreSQL access layer (sqlx).
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// Store wraps the sqlx handle.
type Store struct {
	db *sqlx.DB
}

// New returns a Store.
func New(db *sqlx.DB) *Store { return &Store{db: db} }

// ErrNotFound is returned for missing rows.
var ErrNotFound = errors.New("store: not found")

// Product is a catalogue entry.
type Product struct {
	ID          int64     `db:"id" json:"id"`
	Slug        string    `db:"slug" json:"slug"`
	Title       string    `db:"title" json:"title"`
	BrandID     int64     `db:"brand_id" json:"brand_id"`
	CategoryID  int64     `db:"category_id" json:"category_id"`
	PriceCents  int64     `db:"price_cents" json:"price_cents"`
	ImageURL    string    `db:"image_url" json:"image_url"`
	PublishedAt time.Time `db:"published_at" json:"published_at"`
}

// Brand is a manufacturer.
type Brand struct {
	ID   int64  `db:"id" json:"id"`
	Name string `db:"name" json:"name"`
	Logo string `db:"logo_url" json:"logo_url"`
}

// ProductBySlug returns one published product.
func (s *Store) ProductBySlug(ctx context.Context, slug string) (Product, error) {
	var p Product
	err := s.db.GetContext(ctx, &p, `SELECT * FROM products WHERE slug = $1 AND published_at IS NOT NULL`, slug)
	if errors.Is(err, sql.ErrNoRows) {
		return Product{}, ErrNotFound
	}
	return p, err
}

// ProductsByIDs loads many products with sqlx.In.
func (s *Store) ProductsByIDs(ctx context.Context, ids []int64) ([]Product, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	q, args, err := sqlx.In(`SELECT * FROM products WHERE id IN (?)`, ids)
	if err != nil {
		return nil, err
	}
	var out []Product
	return out, s.db.SelectContext(ctx, &out, s.db.Rebind(q), args...)
}

// BrandsFor returns the brand of each product, keyed by product id.
func (s *Store) BrandsFor(ctx context.Context, products []Product) (map[int64]Brand, error) {
	out := make(map[int64]Brand, len(products))
	for _, p := range products {
		var b Brand
		if err := s.db.GetContext(ctx, &b, `SELECT id, name, logo_url FROM brands WHERE id = $1`, p.BrandID); err != nil { // expect: query-in-loop
			return nil, fmt.Errorf("brand %d: %w", p.BrandID, err)
		}
		out[p.ID] = b
	}
	return out, nil
}

// Category lists products of a category, newest first.
func (s *Store) Category(ctx context.Context, categoryID int64, limit, offset int) ([]Product, error) {
	var out []Product
	err := s.db.SelectContext(ctx, &out,
		`SELECT * FROM products WHERE category_id = $1 AND published_at IS NOT NULL
		  ORDER BY published_at DESC LIMIT $2 OFFSET $3`, categoryID, limit, offset)
	return out, err
}

// PriceHistory returns the price changes of a product.
func (s *Store) PriceHistory(ctx context.Context, productID int64) ([]int64, error) {
	rows, err := s.db.QueryxContext(ctx, `SELECT price_cents FROM price_history WHERE product_id = $1 ORDER BY changed_at`, productID) // expect: missing-release
	if err != nil {
		return nil, err
	}
	var prices []int64
	for rows.Next() {
		var p int64
		if err := rows.Scan(&p); err != nil {
			return nil, err
		}
		prices = append(prices, p)
	}
	return prices, rows.Err()
}

// SimilarProducts finds products sharing tags, ranked by overlap.
func (s *Store) SimilarProducts(ctx context.Context, productID int64, limit int) ([]Product, error) {
	rows, err := s.db.QueryxContext(ctx,
		`SELECT p.* FROM products p
		   JOIN product_tags t ON t.product_id = p.id
		  WHERE t.tag IN (SELECT tag FROM product_tags WHERE product_id = $1) AND p.id <> $1
		  GROUP BY p.id ORDER BY count(*) DESC LIMIT $2`, productID, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Product
	for rows.Next() {
		var p Product
		if err := rows.StructScan(&p); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// SetPrices updates prices for many products in one statement.
func (s *Store) SetPrices(ctx context.Context, prices map[int64]int64) error {
	ids := make([]int64, 0, len(prices))
	cents := make([]int64, 0, len(prices))
	for id, c := range prices {
		ids = append(ids, id)
		cents = append(cents, c)
	}
	_, err := s.db.ExecContext(ctx,
		`UPDATE products p SET price_cents = x.cents FROM unnest($1::bigint[], $2::bigint[]) AS x(id, cents) WHERE p.id = x.id`,
		pq.Array(ids), pq.Array(cents))
	return err
}
