package cleanup2

import (
	"context"
	"database/sql"
	"fmt"
)

type Store struct{ db *sql.DB }

// Data statements per item are still one query per item, whatever the
// names around them say.
func (s *Store) Archive(ctx context.Context, ids []int64) error {
	for _, id := range ids {
		dropQuery := "UPDATE orders SET dropped = true WHERE id = $1"
		if _, err := s.db.ExecContext(ctx, dropQuery, id); err != nil { // want "query-in-loop: s.db.ExecContext runs once per iteration"
			return err
		}
	}
	return nil
}

func (s *Store) Purge(ctx context.Context, ids []int64) error {
	for _, id := range ids {
		if _, err := s.db.ExecContext(ctx, fmt.Sprintf("DELETE FROM sessions WHERE user_id = %d", id)); err != nil { // want "query-in-loop: s.db.ExecContext runs once per iteration"
			return err
		}
	}
	return nil
}
