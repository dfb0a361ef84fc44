package approvals

import (
	"context"
	"database/sql"
	"errors"
)

type Store struct{ db *sql.DB }

// List borrows the transaction for a query helper. The helper closes its
// own rows, not the transaction, so the error return leaves tx open.
func (s *Store) List(ctx context.Context) ([]int, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}) // want "missing-release: tx from s.db.BeginTx is not rolled back on the return at line 20"
	if err != nil {
		return nil, err
	}
	ids, err := s.listImpl(ctx, tx)
	if err != nil {
		return nil, errors.New("list failed")
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return ids, nil
}

func (*Store) listImpl(ctx context.Context, tx *sql.Tx) ([]int, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id FROM approvals`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
