package importer

import (
	"context"
	"database/sql"
)

// Preparing once and executing inside one transaction is the standard
// database/sql bulk-insert idiom; hotpath leaves it alone.
func Import(ctx context.Context, db *sql.DB, names []string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO names (name) VALUES ($1)")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, n := range names {
		if _, err := stmt.ExecContext(ctx, n); err != nil {
			return err
		}
	}
	return tx.Commit()
}
