// Package store reads and writes orders.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// Store holds the order database and the cache in front of it.
type Store struct {
	db  *sql.DB
	rdb *redis.Client
}

// New returns a Store.
func New(db *sql.DB, rdb *redis.Client) *Store { return &Store{db: db, rdb: rdb} }

// Order is one order with its line items.
type Order struct {
	ID    string
	Total int64
	Items []Item
}

// Item is one line of an order.
type Item struct {
	SKU string
	Qty int
}

// OrdersWithItems loads orders and, for each, its items — one query per order.
func (s *Store) OrdersWithItems(ctx context.Context, customerID string) ([]Order, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, total_cents FROM orders WHERE customer_id = $1", customerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var orders []Order
	for rows.Next() {
		var o Order
		if err := rows.Scan(&o.ID, &o.Total); err != nil {
			return nil, err
		}
		orders = append(orders, o)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range orders {
		items, err := s.items(ctx, orders[i].ID)
		if err != nil {
			return nil, err
		}
		orders[i].Items = items
	}
	return orders, nil
}

func (s *Store) items(ctx context.Context, orderID string) ([]Item, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT sku, qty FROM order_items WHERE order_id = $1", orderID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []Item
	for rows.Next() {
		var it Item
		if err := rows.Scan(&it.SKU, &it.Qty); err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	return items, rows.Err()
}

// Totals sums order totals per status. The rows are never closed when Scan
// fails, and the connection stays checked out.
func (s *Store) Totals(ctx context.Context) (map[string]int64, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT status, sum(total_cents) FROM orders GROUP BY status")
	if err != nil {
		return nil, err
	}
	out := map[string]int64{}
	for rows.Next() {
		var status string
		var total int64
		if err := rows.Scan(&status, &total); err != nil {
			return nil, fmt.Errorf("scan totals: %w", err)
		}
		out[status] = total
	}
	rows.Close()
	return out, nil
}

// CacheOrder stores an order summary. A zero expiration keeps it forever.
func (s *Store) CacheOrder(ctx context.Context, id, summary string) error {
	return s.rdb.Set(ctx, "order:"+id, summary, 0).Err()
}

// CacheStatus stores an order status for five minutes: the fixed form.
func (s *Store) CacheStatus(ctx context.Context, id, status string) error {
	return s.rdb.Set(ctx, "order-status:"+id, status, 5*time.Minute).Err()
}
