package accounts

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type Account struct {
	ID    int64  `db:"id"`
	Email string `db:"email"`
}

type Repo struct {
	db *sqlx.DB
}

// Select and Get manage their rows.
func (r *Repo) All(ctx context.Context) ([]Account, error) {
	var out []Account
	err := r.db.SelectContext(ctx, &out, `SELECT id, email FROM accounts`)
	return out, err
}

func (r *Repo) ByID(ctx context.Context, id int64) (Account, error) {
	var a Account
	err := r.db.GetContext(ctx, &a, `SELECT id, email FROM accounts WHERE id = $1`, id)
	return a, err
}

func (r *Repo) Stream(ctx context.Context, fn func(Account) error) error {
	rows, err := r.db.QueryxContext(ctx, `SELECT id, email FROM accounts`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var a Account
		if err := rows.StructScan(&a); err != nil {
			return err
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (r *Repo) Rename(ctx context.Context, id int64, email string) error {
	tx, err := r.db.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Statements prepared on a transaction close with it.
	stmt, err := tx.PreparexContext(ctx, `UPDATE accounts SET email = $1 WHERE id = $2`)
	if err != nil {
		return err
	}
	if _, err := stmt.ExecContext(ctx, email, id); err != nil {
		return err
	}
	return tx.Commit()
}
