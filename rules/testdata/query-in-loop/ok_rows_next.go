package reports

import (
	"context"
	"database/sql"
	"time"

	"github.com/lib/pq"
)

type Sale struct {
	ID     int64
	Amount int64
}

// Iterating one result set is not N+1: rows.Next and rows.Scan read from a
// query that already ran.
func Sales(ctx context.Context, db *sql.DB, since time.Time) ([]Sale, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, amount FROM sales WHERE created_at >= $1", since)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Sale
	for rows.Next() {
		var s Sale
		if err := rows.Scan(&s.ID, &s.Amount); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// One query for all IDs.
func SalesByIDs(ctx context.Context, db *sql.DB, ids []int64) (map[int64]Sale, error) {
	out := make(map[int64]Sale, len(ids))
	rows, err := db.QueryContext(ctx, "SELECT id, amount FROM sales WHERE id = ANY($1)", pq.Array(ids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var s Sale
		if err := rows.Scan(&s.ID, &s.Amount); err != nil {
			return nil, err
		}
		out[s.ID] = s
	}
	return out, rows.Err()
}

// Chunks of IDs: each query fetches a whole chunk.
func SalesInChunks(ctx context.Context, db *sql.DB, ids []int64) error {
	for start := 0; start < len(ids); start += 500 {
		end := min(start+500, len(ids))
		chunk := ids[start:end]
		if _, err := db.ExecContext(ctx, "UPDATE sales SET exported = true WHERE id = ANY($1)", pq.Array(chunk)); err != nil {
			return err
		}
	}
	return nil
}
