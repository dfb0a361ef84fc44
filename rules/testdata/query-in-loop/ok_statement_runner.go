package runner

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

type Statement struct {
	Text  string
	Empty bool
}

func splitScript(script string) ([]Statement, error) {
	var out []Statement
	for _, s := range strings.Split(script, ";") {
		out = append(out, Statement{Text: s})
	}
	return out, nil
}

// A statement runner: the loop runs each statement of a script it was
// given. The SQL executed is the item itself, so every iteration runs a
// different statement; there is no repeated query to batch.
func RunScript(ctx context.Context, db *sql.DB, script string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	parts, err := splitScript(script)
	if err != nil {
		return err
	}
	for _, part := range parts {
		if part.Empty {
			continue
		}
		if _, err := tx.ExecContext(ctx, part.Text); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// Statements that must run outside a transaction, collected by a callback
// of the splitter and run one by one afterwards.
func RunOutsideTx(db *sql.DB, script string, each func(string, func(string))) error {
	var lateStmts []string
	each(script, func(stmt string) {
		lateStmts = append(lateStmts, stmt)
	})
	for _, stmt := range lateStmts {
		if _, err := db.Exec(stmt); err != nil {
			return err
		}
	}
	return nil
}

// A dry run through helpers: EXPLAIN each statement of the script.
func Explain(ctx context.Context, db *sql.DB, script string) ([]int64, error) {
	var out []int64
	for _, stmt := range strings.Split(script, ";") {
		n, err := estimate(ctx, db, stmt)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

func estimate(ctx context.Context, db *sql.DB, stmt string) (int64, error) {
	return runPlan(ctx, db, fmt.Sprintf("EXPLAIN %s", stmt))
}

func runPlan(ctx context.Context, db *sql.DB, query string) (int64, error) {
	var n int64
	err := db.QueryRowContext(ctx, query).Scan(&n)
	return n, err
}
