//go:build ignore

package accounts

import (
	"context"
	"database/sql"
	"encoding/csv"
	"io"
	"time"
)

// Exporter writes account data exports straight from SQL.
type Exporter struct {
	DB *sql.DB
}

// LoginRows returns the login history of a user; the caller must close the rows.
func (e *Exporter) LoginRows(ctx context.Context, userID int) (*sql.Rows, error) {
	return e.DB.QueryContext(ctx, `SELECT created_at, remote_addr, user_agent FROM login_events WHERE user_id = $1 ORDER BY created_at`, userID)
}

// WriteLogins writes the login history as CSV.
func (e *Exporter) WriteLogins(ctx context.Context, w io.Writer, userID int) error {
	rows, err := e.LoginRows(ctx, userID)
	if err != nil {
		return err
	}
	return writeCSV(w, rows)
}

// writeCSV copies rows to w and closes them.
func writeCSV(w io.Writer, rows *sql.Rows) error {
	defer rows.Close()
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"time", "remote_addr", "user_agent"})
	for rows.Next() {
		var at time.Time
		var addr, ua string
		if err := rows.Scan(&at, &addr, &ua); err != nil {
			return err
		}
		_ = cw.Write([]string{at.Format(time.RFC3339), addr, ua})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return rows.Err()
}

// GroupCounts returns how many members each group has.
func (e *Exporter) GroupCounts(ctx context.Context) (map[string]int, error) {
	rows, err := e.DB.QueryContext(ctx, `SELECT g.name, count(*) FROM groups g JOIN group_users gu ON gu.group_id = g.id GROUP BY g.name`)
	if err != nil {
		return nil, err
	}
	return collectCounts(rows)
}

func collectCounts(rows *sql.Rows) (map[string]int, error) {
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var name string
		var n int
		if err := rows.Scan(&name, &n); err != nil {
			return nil, err
		}
		out[name] = n
	}
	return out, rows.Err()
}
