package audits

import (
	"context"
	"database/sql"
)

type Audits struct{ db *sql.DB }

// In the first branch err is overwritten after the query: the check below
// no longer says whether rows was opened, and its return leaks it.
func (a *Audits) Recent(ctx context.Context, user int64) (int, error) {
	var rows *sql.Rows
	var err error
	if user == 0 {
		rows, err = a.db.QueryContext(ctx, "SELECT id FROM audits LIMIT 100") // want "missing-release: rows from a.db.QueryContext is not closed on the return at line 22"
		_, err = a.db.ExecContext(ctx, "UPDATE audit_reads SET n = n + 1")
	} else {
		rows, err = a.db.QueryContext(ctx, "SELECT id FROM audits WHERE user_id = $1", user)
	}
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}
