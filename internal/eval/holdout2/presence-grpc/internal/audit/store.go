//go:build ignore

package audit

import (
	"context"
	"database/sql"
	"time"
)

type Event struct {
	At     time.Time
	Actor  string
	Action string
	Target string
}

type Store struct {
	db *sql.DB
}

func NewStore(db *sql.DB) *Store { return &Store{db: db} }

// Record inserts a batch of events in one transaction with a prepared statement.
func (s *Store) Record(ctx context.Context, events []Event) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	stmt, err := tx.PrepareContext(ctx, `INSERT INTO audit_log (at, actor, action, target) SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[])`)
	if err != nil {
		return err
	}
	defer stmt.Close()

	ats := make([]time.Time, len(events))
	actors := make([]string, len(events))
	actions := make([]string, len(events))
	targets := make([]string, len(events))
	for i, e := range events {
		ats[i], actors[i], actions[i], targets[i] = e.At, e.Actor, e.Action, e.Target
	}
	if _, err := stmt.ExecContext(ctx, ats, actors, actions, targets); err != nil {
		return err
	}
	return tx.Commit()
}

// Since returns open rows to the caller, who closes them.
func (s *Store) Since(ctx context.Context, at time.Time) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, `SELECT at, actor, action, target FROM audit_log WHERE at >= $1 ORDER BY at`, at)
}

// Purge deletes events older than the retention window, 10 000 rows at a time.
func (s *Store) Purge(ctx context.Context, retention time.Duration) (int64, error) {
	var total int64
	cutoff := time.Now().Add(-retention)
	for {
		res, err := s.db.ExecContext(ctx, `DELETE FROM audit_log WHERE ctid IN (SELECT ctid FROM audit_log WHERE at < $1 LIMIT 10000)`, cutoff)
		if err != nil {
			return total, err
		}
		n, _ := res.RowsAffected()
		total += n
		if n < 10000 {
			return total, nil
		}
	}
}
