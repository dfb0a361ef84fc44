package store

import (
	"context"
	"database/sql"
)

type Order struct {
	ID     int64
	Amount int64
}

type OrderRepo struct {
	db *sql.DB
}

// Recent never closes its rows: the connection stays checked out until the
// garbage collector finds the Rows.
func (r *OrderRepo) Recent(ctx context.Context, customerID int64) ([]Order, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT id, amount FROM orders WHERE customer_id = $1`, customerID) // want "missing-release: rows from r.db.QueryContext is never closed \\(add defer rows.Close\\(\\) after the error check\\)"
	if err != nil {
		return nil, err
	}
	var out []Order
	for rows.Next() {
		var o Order
		if err := rows.Scan(&o.ID, &o.Amount); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

// Totals closes after the loop but not when Scan fails.
func (r *OrderRepo) Totals(ctx context.Context) (map[int64]int64, error) {
	rows, err := r.db.Query(`SELECT customer_id, sum(amount) FROM orders GROUP BY 1`) // want "rows from r.db.Query is not closed on the return at line 45 \\(add defer rows.Close\\(\\) after the error check\\)"
	if err != nil {
		return nil, err
	}
	totals := map[int64]int64{}
	for rows.Next() {
		var id, sum int64
		if err := rows.Scan(&id, &sum); err != nil {
			return nil, err
		}
		totals[id] = sum
	}
	rows.Close()
	return totals, rows.Err()
}
