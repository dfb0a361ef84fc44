package shards

import (
	"context"
	"database/sql"
)

// A defer in a loop still closes every rows value (at function exit); that
// is a different problem from a missing release, and not reported here.
func CountAll(ctx context.Context, shards []*sql.DB) (int, error) {
	total := 0
	for _, db := range shards {
		rows, err := db.QueryContext(ctx, `SELECT count(*) FROM events`)
		if err != nil {
			return 0, err
		}
		defer rows.Close()
		for rows.Next() {
			var n int
			if err := rows.Scan(&n); err != nil {
				return 0, err
			}
			total += n
		}
	}
	return total, nil
}

// Per-iteration function: the usual fix for a loop.
func CountEach(ctx context.Context, shards []*sql.DB) ([]int, error) {
	var out []int
	for _, db := range shards {
		n, err := func() (int, error) {
			rows, err := db.QueryContext(ctx, `SELECT count(*) FROM events`)
			if err != nil {
				return 0, err
			}
			defer rows.Close()
			var n int
			for rows.Next() {
				if err := rows.Scan(&n); err != nil {
					return 0, err
				}
			}
			return n, rows.Err()
		}()
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// Closed at the end of each iteration, and on the error path.
func Touch(ctx context.Context, shards []*sql.DB) error {
	for i, db := range shards {
		rows, err := db.QueryContext(ctx, `SELECT id FROM heartbeats WHERE shard = $1`, i)
		if err != nil {
			continue
		}
		for rows.Next() {
		}
		if err := rows.Err(); err != nil {
			rows.Close()
			return err
		}
		rows.Close()
	}
	return nil
}
