package inventory

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Store struct {
	pool *pgxpool.Pool
}

// The pooled connection is never released: after MaxConns calls the pool
// is empty and every request waits.
func (s *Store) Lock(ctx context.Context, key int64) error {
	conn, err := s.pool.Acquire(ctx) // want "missing-release: conn from s.pool.Acquire is never released \\(add defer conn.Release\\(\\) after the error check\\)"
	if err != nil {
		return err
	}
	_, err = conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, key)
	return err
}

// pgx's Rollback takes a context; the advice says so.
func (s *Store) Move(ctx context.Context, from, to string, qty int) error {
	tx, err := s.pool.Begin(ctx) // want "tx from s.pool.Begin is not rolled back on the return at line 32 \\(add defer tx.Rollback\\(ctx\\) after the error check\\)"
	if err != nil {
		return err
	}
	if qty <= 0 {
		return errors.New("qty must be positive")
	}
	if _, err := tx.Exec(ctx, `UPDATE stock SET qty = qty - $1 WHERE sku = $2`, qty, from); err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	if _, err := tx.Exec(ctx, `UPDATE stock SET qty = qty + $1 WHERE sku = $2`, qty, to); err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	return tx.Commit(ctx)
}
