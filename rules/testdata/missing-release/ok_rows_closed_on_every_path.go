package store

import (
	"context"
	"database/sql"
)

// Closed explicitly after the loop and on the error path inside it.
func skus(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT sku FROM products`)
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, s)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	return out, nil
}

// The error check comes a statement later; the rows are nil on that path.
func firstSKU(ctx context.Context, db *sql.DB) (string, error) {
	rows, err := db.QueryContext(ctx, `SELECT sku FROM products LIMIT 1`)
	// rows is nil when err is set
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var s string
	if rows.Next() {
		err = rows.Scan(&s)
	}
	return s, err
}

// Guarded close: no rows on the nil path.
func drain(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `SELECT 1`)
	if rows != nil {
		defer rows.Close()
	}
	return err
}
