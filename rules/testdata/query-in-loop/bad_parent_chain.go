package tree

import (
	"context"
	"database/sql"
)

type node struct {
	ID       int64
	ParentID sql.NullInt64
	Name     string
}

type Store struct{ db *sql.DB }

func (s *Store) get(ctx context.Context, id int64) (*node, error) {
	n := &node{}
	err := s.db.QueryRowContext(ctx, "SELECT id, parent_id, name FROM nodes WHERE id = $1", id).Scan(&n.ID, &n.ParentID, &n.Name)
	return n, err
}

// Path walks to the root one query per level.
func (s *Store) Path(ctx context.Context, id int64) ([]string, error) {
	var names []string
	cur, err := s.get(ctx, id)
	for err == nil && cur.ParentID.Valid {
		names = append(names, cur.Name)
		cur, err = s.get(ctx, cur.ParentID.Int64) // want "query-in-loop: s.get → s.db.QueryRowContext runs once per iteration of the loop on line 26"
	}
	return names, err
}
