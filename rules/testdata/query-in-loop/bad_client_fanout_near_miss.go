package fanout

import (
	"context"
	"database/sql"
)

// Near misses: the client is picked per item (a shard per user), or one
// client is used for every item — one query per data item either way.
func Touch(ctx context.Context, shards []*sql.DB, userIDs []int64) error {
	for _, id := range userIDs {
		db := shards[id%int64(len(shards))]
		if _, err := db.ExecContext(ctx, `UPDATE users SET seen_at = now() WHERE id = $1`, id); err != nil { // want "query-in-loop: db.ExecContext runs once per iteration of the loop on line 11"
			return err
		}
	}
	for _, db := range shards {
		for _, id := range userIDs {
			if _, err := db.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, id); err != nil { // want "query-in-loop: db.ExecContext runs once per iteration of the loop on line 18"
				return err
			}
		}
	}
	return nil
}
