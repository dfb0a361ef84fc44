package reports

import (
	"context"
	"database/sql"
	"fmt"
)

type Reports struct{ db *sql.DB }

// The query differs by branch; the error check after the if covers both
// acquisitions, and the close is deferred once after it.
func (r *Reports) Titles(ctx context.Context, owner int64) ([]string, error) {
	var (
		rows *sql.Rows
		err  error
	)
	if owner == 0 {
		rows, err = r.db.QueryContext(ctx, "SELECT title FROM reports ORDER BY created_at DESC LIMIT 50")
	} else {
		rows, err = r.db.QueryContext(ctx, "SELECT title FROM reports WHERE owner_id = $1", owner)
	}
	if err != nil {
		return nil, fmt.Errorf("titles: %w", err)
	}
	defer rows.Close()
	var titles []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		titles = append(titles, t)
	}
	return titles, rows.Err()
}
