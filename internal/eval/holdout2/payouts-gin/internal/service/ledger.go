//go:build ignore

package service

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Entry struct {
	ID         int64     `db:"id"`
	MerchantID int64     `db:"merchant_id"`
	Cents      int64     `db:"cents"`
	Kind       string    `db:"kind"`
	At         time.Time `db:"at"`
}

// Balance recomputes a merchant balance from the ledger under an advisory lock, so two
// recomputations for one merchant never overlap.
func Balance(ctx context.Context, pool *pgxpool.Pool, merchantID int64) (int64, error) {
	conn, err := pool.Acquire(ctx) // expect: missing-release
	if err != nil {
		return 0, err
	}
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, merchantID); err != nil {
		return 0, fmt.Errorf("advisory lock: %w", err)
	}

	var total int64
	err = conn.QueryRow(ctx, `SELECT coalesce(sum(cents), 0) FROM ledger_entries WHERE merchant_id = $1`, merchantID).Scan(&total)
	_, _ = conn.Exec(ctx, `SELECT pg_advisory_unlock($1)`, merchantID)
	conn.Release()
	return total, err
}

// EntriesSince streams a merchant's ledger to the caller, who must close the rows.
func EntriesSince(ctx context.Context, pool *pgxpool.Pool, merchantID int64, since time.Time) (pgx.Rows, error) {
	return pool.Query(ctx, `SELECT id, merchant_id, cents, kind, at FROM ledger_entries
		WHERE merchant_id = $1 AND at >= $2 ORDER BY at`, merchantID, since)
}

// Recent loads the last n entries, closing the rows through CollectRows.
func Recent(ctx context.Context, pool *pgxpool.Pool, merchantID int64, n int) ([]Entry, error) {
	rows, err := pool.Query(ctx, `SELECT id, merchant_id, cents, kind, at FROM ledger_entries
		WHERE merchant_id = $1 ORDER BY at DESC LIMIT $2`, merchantID, n)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByName[Entry])
}

// WithConn runs fn on a dedicated connection and always gives it back.
func WithConn(ctx context.Context, pool *pgxpool.Pool, fn func(*pgxpool.Conn) error) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	return fn(conn)
}

// Kinds sums the ledger per entry kind.
func Kinds(ctx context.Context, pool *pgxpool.Pool, merchantID int64) (map[string]int64, error) {
	rows, err := pool.Query(ctx, `SELECT kind, sum(cents) FROM ledger_entries WHERE merchant_id = $1 GROUP BY kind`, merchantID) // expect: missing-release
	if err != nil {
		return nil, err
	}
	out := map[string]int64{}
	for rows.Next() {
		var kind string
		var sum int64
		if err := rows.Scan(&kind, &sum); err != nil {
			return nil, err
		}
		out[kind] = sum
	}
	return out, rows.Err()
}
