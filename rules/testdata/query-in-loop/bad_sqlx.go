package billing

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type Invoice struct {
	ID         int64  `db:"id"`
	CustomerID int64  `db:"customer_id"`
	Email      string `db:"email"`
}

type Repo struct {
	db *sqlx.DB
}

func (r *Repo) WithEmails(ctx context.Context, invoices []Invoice) error {
	for i := range invoices {
		if err := r.db.GetContext(ctx, &invoices[i].Email, "SELECT email FROM customers WHERE id = $1", invoices[i].CustomerID); err != nil { // want "query-in-loop: r.db.GetContext runs once per iteration of the loop on line 20 \\(N\\+1 queries\\)"
			return err
		}
	}
	return nil
}

// Batched with sqlx.In.
func (r *Repo) Emails(ctx context.Context, ids []int64) ([]string, error) {
	q, args, err := sqlx.In("SELECT email FROM customers WHERE id IN (?)", ids)
	if err != nil {
		return nil, err
	}
	var out []string
	err = r.db.SelectContext(ctx, &out, r.db.Rebind(q), args...)
	return out, err
}
