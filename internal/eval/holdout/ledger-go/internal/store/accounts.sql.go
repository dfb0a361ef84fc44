//go:build ignore

// Typed statements in the sqlc layout, kept by hand since the move off sqlc's
// generator (the queries below use features its parser rejected).

package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
)

// Account is one ledger account.
type Account struct {
	ID        int64
	OwnerID   string
	Currency  string
	Kind      string
	CreatedAt time.Time
}

const getAccount = `-- name: GetAccount :one
SELECT id, owner_id, currency, kind, created_at FROM accounts WHERE id = $1`

// GetAccount loads one account.
func (q *Queries) GetAccount(ctx context.Context, id int64) (Account, error) {
	row := q.db.QueryRow(ctx, getAccount, id)
	var a Account
	err := row.Scan(&a.ID, &a.OwnerID, &a.Currency, &a.Kind, &a.CreatedAt)
	return a, err
}

const listAccountsByOwner = `-- name: ListAccountsByOwner :many
SELECT id, owner_id, currency, kind, created_at FROM accounts WHERE owner_id = $1 ORDER BY id`

// ListAccountsByOwner lists an owner's accounts.
func (q *Queries) ListAccountsByOwner(ctx context.Context, ownerID string) ([]Account, error) {
	rows, err := q.db.Query(ctx, listAccountsByOwner, ownerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []Account
	for rows.Next() {
		var a Account
		if err := rows.Scan(&a.ID, &a.OwnerID, &a.Currency, &a.Kind, &a.CreatedAt); err != nil {
			return nil, err
		}
		items = append(items, a)
	}
	return items, rows.Err()
}

const listAccountsByIDs = `-- name: ListAccountsByIDs :many
SELECT id, owner_id, currency, kind, created_at FROM accounts WHERE id = ANY($1::bigint[])`

// ListAccountsByIDs loads many accounts in one statement.
func (q *Queries) ListAccountsByIDs(ctx context.Context, ids []int64) ([]Account, error) {
	rows, err := q.db.Query(ctx, listAccountsByIDs, ids)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (Account, error) {
		var a Account
		err := row.Scan(&a.ID, &a.OwnerID, &a.Currency, &a.Kind, &a.CreatedAt)
		return a, err
	})
}

const createAccount = `-- name: CreateAccount :one
INSERT INTO accounts (owner_id, currency, kind) VALUES ($1, $2, $3)
RETURNING id, owner_id, currency, kind, created_at`

// CreateAccountParams are CreateAccount's arguments.
type CreateAccountParams struct {
	OwnerID  string
	Currency string
	Kind     string
}

// CreateAccount inserts an account.
func (q *Queries) CreateAccount(ctx context.Context, arg CreateAccountParams) (Account, error) {
	row := q.db.QueryRow(ctx, createAccount, arg.OwnerID, arg.Currency, arg.Kind)
	var a Account
	err := row.Scan(&a.ID, &a.OwnerID, &a.Currency, &a.Kind, &a.CreatedAt)
	return a, err
}
