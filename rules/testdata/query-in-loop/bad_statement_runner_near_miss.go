package runner

import (
	"context"
	"database/sql"
	"fmt"
)

type User struct {
	ID   int64
	Name string
}

// Near misses: the statement is built from the item by formatting data
// into SQL, or the statement list is built per row in a loop and then run
// one by one. Both are one statement per data item.
func Rename(ctx context.Context, db *sql.DB, users []User) error {
	for _, u := range users {
		q := fmt.Sprintf("UPDATE users SET name = '%s' WHERE id = %d", u.Name, u.ID)
		if _, err := db.ExecContext(ctx, q); err != nil { // want "query-in-loop: db.ExecContext runs once per iteration of the loop on line 18"
			return err
		}
	}
	var stmts []string
	for _, u := range users {
		stmts = append(stmts, fmt.Sprintf("DELETE FROM sessions WHERE user_id = %d", u.ID))
	}
	for _, stmt := range stmts {
		if _, err := db.ExecContext(ctx, stmt); err != nil { // want "query-in-loop: db.ExecContext runs once per iteration of the loop on line 28"
			return err
		}
	}
	return nil
}

// A table name is not a statement: one pragma query per table.
func Columns(db *sql.DB, tables []string) error {
	for _, name := range tables {
		rows, err := db.Query(fmt.Sprintf("pragma table_info(%s);", name)) // want "query-in-loop: db.Query runs once per iteration of the loop on line 38"
		if err != nil {
			return err
		}
		rows.Close()
	}
	return nil
}

// The same statement per item of a script: a write per statement.
func Audit(ctx context.Context, db *sql.DB, stmts []string) error {
	for _, stmt := range stmts {
		if _, err := db.ExecContext(ctx, `INSERT INTO audit_log (statement) VALUES ($1)`, stmt); err != nil { // want "query-in-loop: db.ExecContext runs once per iteration of the loop on line 50"
			return err
		}
	}
	return nil
}
