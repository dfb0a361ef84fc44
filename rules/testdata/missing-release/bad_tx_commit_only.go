package billing

import (
	"context"
	"database/sql"
	"fmt"
)

type Ledger struct {
	db *sql.DB
}

// Post commits on success, but an Exec error returns with the transaction
// still open: its connection is held until the server times it out.
func (l *Ledger) Post(ctx context.Context, entries []Entry) error {
	tx, err := l.db.BeginTx(ctx, nil) // want "missing-release: tx from l.db.BeginTx is not rolled back on the return at line 22 \\(add defer tx.Rollback\\(\\) after the error check\\)"
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	for _, e := range entries {
		if _, err := tx.ExecContext(ctx, `INSERT INTO ledger (account_id, cents) VALUES ($1, $2)`, e.AccountID, e.Cents); err != nil {
			return fmt.Errorf("post entry: %w", err)
		}
	}
	return tx.Commit()
}

type Entry struct {
	AccountID int64
	Cents     int64
}

// Close is a sqlx-style Beginx with a status check that forgets the tx.
func (l *Ledger) Close(ctx context.Context, period string) error {
	tx, err := l.db.Begin() // want "tx from l.db.Begin is not rolled back on the return at line 41"
	if err != nil {
		return err
	}
	var open int
	if err := tx.QueryRow(`SELECT count(*) FROM periods WHERE name = $1 AND open`, period).Scan(&open); err != nil || open == 0 {
		return fmt.Errorf("period %s is not open", period)
	}
	if _, err := tx.Exec(`UPDATE periods SET open = false WHERE name = $1`, period); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
