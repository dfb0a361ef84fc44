package accounts

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Repo struct {
	pool *pgxpool.Pool
}

func (r *Repo) Balances(ctx context.Context, ids []int64) (map[int64]int64, error) {
	out := make(map[int64]int64, len(ids))
	for _, id := range ids {
		var bal int64
		if err := r.pool.QueryRow(ctx, "SELECT balance FROM accounts WHERE id = $1", id).Scan(&bal); err != nil { // want "query-in-loop: r.pool.QueryRow runs once per iteration of the loop on line 16 \\(N\\+1 queries\\); fetch all rows in one query with WHERE id = ANY\\(\\$1\\), or queue the queries on one pgx.Batch"
			return nil, err
		}
		out[id] = bal
	}
	return out, nil
}

func (r *Repo) Credit(ctx context.Context, amounts map[int64]int64) error {
	tx, err := r.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	for id, amt := range amounts {
		if _, err := tx.Exec(ctx, "UPDATE accounts SET balance = balance + $2 WHERE id = $1", id, amt); err != nil { // want "tx.Exec runs once per iteration .*one write per item.*CopyFrom, or queue the statements on one pgx.Batch"
			return err
		}
	}
	return tx.Commit(ctx)
}

func ByConn(ctx context.Context, conn *pgx.Conn, names []string) error {
	for _, n := range names {
		rows, err := conn.Query(ctx, "SELECT id FROM accounts WHERE owner = $1", n) // want "conn.Query runs once per iteration"
		if err != nil {
			return err
		}
		rows.Close()
	}
	return nil
}
