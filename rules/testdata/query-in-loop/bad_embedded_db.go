package store

import (
	"context"
	"database/sql"
)

// Store embeds *sql.DB, so s.QueryRowContext is the database's method.
type Store struct {
	*sql.DB
}

func (s *Store) Titles(ctx context.Context, ids []int64) ([]string, error) {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		var t string
		if err := s.QueryRowContext(ctx, "SELECT title FROM books WHERE id = $1", id).Scan(&t); err != nil { // want "query-in-loop: s.QueryRowContext runs once per iteration of the loop on line 15"
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}
