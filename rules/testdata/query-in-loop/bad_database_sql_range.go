package orders

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
)

type Server struct {
	db *sql.DB
}

type Line struct {
	ProductID int64
	Qty       int
	Name      string
}

// handleOrderLines looks up each product name separately.
func (s *Server) handleOrderLines(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	lines, err := s.loadLines(ctx, r.URL.Query().Get("order"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	for i, l := range lines {
		err := s.db.QueryRowContext(ctx, "SELECT name FROM products WHERE id = $1", l.ProductID).Scan(&lines[i].Name) // want "query-in-loop: s.db.QueryRowContext runs once per iteration of the loop on line 28 \\(N\\+1 queries\\); fetch all rows in one query \\(WHERE id = ANY\\(\\$1\\)"
		if err != nil && err != sql.ErrNoRows {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
	}
	json.NewEncoder(w).Encode(lines)
}

func (s *Server) loadLines(ctx context.Context, orderID string) ([]Line, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT product_id, qty FROM order_lines WHERE order_id = $1", orderID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Line
	for rows.Next() {
		var l Line
		if err := rows.Scan(&l.ProductID, &l.Qty); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// Rows from one query, then one more query per row while the first result
// set is still open.
func customerTotals(ctx context.Context, db *sql.DB) (map[int64]int64, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM customers WHERE active")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	totals := map[int64]int64{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		var total int64
		if err := db.QueryRowContext(ctx, "SELECT coalesce(sum(amount), 0) FROM payments WHERE customer_id = $1", id).Scan(&total); err != nil { // want "db.QueryRowContext runs once per iteration of the loop on line 64"
			return nil, err
		}
		totals[id] = total
	}
	return totals, rows.Err()
}
