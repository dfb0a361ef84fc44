package inventory

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Repo struct {
	pool *pgxpool.Pool
}

func (r *Repo) Reserve(ctx context.Context, sku string, qty int) error {
	conn, err := r.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()

	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)

	var left int
	if err := tx.QueryRow(ctx, `SELECT qty FROM stock WHERE sku = $1 FOR UPDATE`, sku).Scan(&left); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `UPDATE stock SET qty = qty - $1 WHERE sku = $2`, qty, sku); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

func (r *Repo) Names(ctx context.Context) ([]string, error) {
	rows, err := r.pool.Query(ctx, `SELECT name FROM products`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// BeginFunc manages the transaction itself.
func (r *Repo) Restock(ctx context.Context, sku string, qty int) error {
	return pgx.BeginFunc(ctx, r.pool, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `UPDATE stock SET qty = qty + $1 WHERE sku = $2`, qty, sku)
		return err
	})
}

// AcquireFunc releases the connection itself.
func (r *Repo) Ping(ctx context.Context) error {
	return r.pool.AcquireFunc(ctx, func(c *pgxpool.Conn) error {
		return c.Ping(ctx)
	})
}

// Prepare on a pgx connection takes a name and returns a description, not
// a statement to close.
func (r *Repo) Warm(ctx context.Context, conn *pgx.Conn) error {
	sd, err := conn.Prepare(ctx, "stock_by_sku", `SELECT qty FROM stock WHERE sku = $1`)
	if err != nil {
		return err
	}
	_ = sd.Name
	return nil
}
