package cleanup

import (
	"context"
	"database/sql"
	"fmt"
)

type Schema struct{ db *sql.DB }

// Schema statements per table are maintenance, not data access per row.
func (s *Schema) DropAll(ctx context.Context, tables []string) error {
	var stmt string
	for _, t := range tables {
		stmt = `DROP TABLE IF EXISTS "` + t + `" CASCADE`
		if _, err := s.db.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	return nil
}

func (s *Schema) Truncate(ctx context.Context, tables []string) error {
	for _, t := range tables {
		if _, err := s.db.ExecContext(ctx, fmt.Sprintf("TRUNCATE TABLE %s RESTART IDENTITY", t)); err != nil {
			return err
		}
	}
	return nil
}

func (s *Schema) exec(q string) error {
	_, err := s.db.Exec(q)
	return err
}

func (s *Schema) AddColumn(tables []string) error {
	for _, t := range tables {
		query := "ALTER TABLE " + t + " ADD COLUMN archived_at timestamptz"
		if err := s.exec(query); err != nil {
			return err
		}
	}
	return nil
}
