//go:build ignore

package store

import (
	"context"
	"fmt"

	"github.com/lib/pq"
)

// Category is a node of the category tree.
type Category struct {
	ID       int64  `db:"id" json:"id"`
	ParentID *int64 `db:"parent_id" json:"parent_id"`
	Name     string `db:"name" json:"name"`
	Position int    `db:"position" json:"position"`
}

// Tree returns every category; the handler assembles the tree in memory.
func (s *Store) Tree(ctx context.Context) ([]Category, error) {
	var out []Category
	err := s.db.SelectContext(ctx, &out, `SELECT id, parent_id, name, position FROM categories ORDER BY parent_id NULLS FIRST, position`)
	return out, err
}

// Reorder sets the position of each child of parent.
func (s *Store) Reorder(ctx context.Context, parentID int64, order []int64) error {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx,
		`UPDATE categories c SET position = x.pos
		   FROM unnest($1::bigint[]) WITH ORDINALITY AS x(id, pos)
		  WHERE c.id = x.id AND c.parent_id = $2`, pq.Array(order), parentID); err != nil {
		return err
	}
	return tx.Commit()
}

// Move re-parents categories one by one, checking for cycles.
func (s *Store) Move(ctx context.Context, moves map[int64]int64) error {
	tx, err := s.db.BeginTxx(ctx, nil) // expect: missing-release
	if err != nil {
		return err
	}
	for id, newParent := range moves {
		var isDescendant bool
		err := tx.GetContext(ctx, &isDescendant, // expect: query-in-loop
			`WITH RECURSIVE sub AS (SELECT id FROM categories WHERE id = $1
			   UNION ALL SELECT c.id FROM categories c JOIN sub ON c.parent_id = sub.id)
			 SELECT EXISTS (SELECT 1 FROM sub WHERE id = $2)`, id, newParent)
		if err != nil {
			return err
		}
		if isDescendant {
			return fmt.Errorf("moving %d under %d would create a cycle", id, newParent)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE categories SET parent_id = $2 WHERE id = $1`, id, newParent); err != nil { // expect: query-in-loop
			return err
		}
	}
	return tx.Commit()
}

// Rename renames a category and records the change.
func (s *Store) Rename(ctx context.Context, id int64, name string) error {
	tx := s.db.MustBeginTx(ctx, nil)
	defer func() { _ = tx.Rollback() }()
	if _, err := tx.ExecContext(ctx, `UPDATE categories SET name = $2 WHERE id = $1`, id, name); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO category_log (category_id, change) VALUES ($1, $2)`, id, "rename:"+name); err != nil {
		return err
	}
	return tx.Commit()
}
