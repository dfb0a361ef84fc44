package shards

import (
	"context"
	"database/sql"
	"log"
)

// Skipping an empty shard leaves its rows open for the rest of the run.
func Sample(ctx context.Context, shards []*sql.DB) []string {
	var ids []string
	for _, db := range shards {
		rows, err := db.QueryContext(ctx, `SELECT id FROM events ORDER BY random() LIMIT 10`) // want "rows from db.QueryContext is not closed before the next loop iteration at line 19 \\(close it on every path of the loop body, or move the body into a function with defer rows.Close\\(\\)\\)"
		if err != nil {
			log.Printf("sample: %v", err)
			continue
		}
		if !rows.Next() {
			continue
		}
		var id string
		_ = rows.Scan(&id)
		ids = append(ids, id)
		rows.Close()
	}
	return ids
}
