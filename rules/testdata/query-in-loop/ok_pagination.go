package export

import (
	"context"
	"database/sql"

	"github.com/redis/go-redis/v9"
)

type Row struct{ ID int64 }

// Keyset pagination: one page per iteration.
func All(ctx context.Context, db *sql.DB, emit func(Row)) error {
	var lastID int64
	for {
		rows, err := db.QueryContext(ctx, "SELECT id FROM events WHERE id > $1 ORDER BY id LIMIT 1000", lastID)
		if err != nil {
			return err
		}
		n := 0
		for rows.Next() {
			var r Row
			if err := rows.Scan(&r.ID); err != nil {
				rows.Close()
				return err
			}
			emit(r)
			lastID = r.ID
			n++
		}
		rows.Close()
		if n < 1000 {
			return nil
		}
	}
}

func Keys(ctx context.Context, rdb *redis.Client) ([]string, error) {
	var out []string
	var cursor uint64
	for {
		keys, next, err := rdb.Scan(ctx, cursor, "session:*", 500).Result()
		if err != nil {
			return nil, err
		}
		out = append(out, keys...)
		if next == 0 {
			return out, nil
		}
		cursor = next
	}
}

func Pages(ctx context.Context, db *sql.DB, total int) error {
	for page := 0; page*100 < total; page++ {
		if _, err := db.ExecContext(ctx, "UPDATE events SET seen = true WHERE id IN (SELECT id FROM events ORDER BY id LIMIT 100 OFFSET $1)", page*100); err != nil {
			return err
		}
	}
	hasMore := true
	offset := 0
	for hasMore {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM (SELECT 1 FROM events LIMIT 100 OFFSET $1) t", offset).Scan(&n); err != nil {
			return err
		}
		hasMore = n == 100
		offset += n
	}
	return nil
}
