//go:build ignore

package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Balance is an account's posted and pending balance in minor units.
type Balance struct {
	AccountID int64
	Posted    int64
	Pending   int64
}

const balanceSQL = `
SELECT coalesce(sum(amount) FILTER (WHERE status = 'posted'), 0),
       coalesce(sum(amount) FILTER (WHERE status = 'pending'), 0)
  FROM entries WHERE account_id = $1`

func balanceOf(ctx context.Context, db DBTX, accountID int64) (Balance, error) {
	b := Balance{AccountID: accountID}
	err := db.QueryRow(ctx, balanceSQL, accountID).Scan(&b.Posted, &b.Pending)
	return b, err
}

// Balance returns one account's balance.
func (q *Queries) Balance(ctx context.Context, accountID int64) (Balance, error) {
	return balanceOf(ctx, q.db, accountID)
}

// BalancesFor returns the balances of several accounts, keyed by account ID.
func (q *Queries) BalancesFor(ctx context.Context, accountIDs []int64) (map[int64]Balance, error) {
	out := make(map[int64]Balance, len(accountIDs))
	for _, id := range accountIDs {
		b, err := balanceOf(ctx, q.db, id) // expect: query-in-loop
		if err != nil {
			return nil, fmt.Errorf("balance of %d: %w", id, err)
		}
		out[id] = b
	}
	return out, nil
}

// Posting is one leg of a transfer.
type Posting struct {
	TransferID string
	AccountID  int64
	Amount     int64
}

// InsertPostings queues every posting into one batch: a single round trip.
func (q *Queries) InsertPostings(ctx context.Context, tx pgx.Tx, postings []Posting) error {
	if len(postings) == 0 {
		return errors.New("no postings")
	}
	batch := &pgx.Batch{}
	for _, p := range postings {
		batch.Queue(`INSERT INTO entries (transfer_id, account_id, amount, status) VALUES ($1, $2, $3, 'pending')`,
			p.TransferID, p.AccountID, p.Amount)
	}
	br := tx.SendBatch(ctx, batch)
	defer br.Close()
	for range postings {
		if _, err := br.Exec(); err != nil {
			return fmt.Errorf("insert posting: %w", err)
		}
	}
	return nil
}

// CopyEntries bulk-loads historical entries with COPY.
func (s *Store) CopyEntries(ctx context.Context, postings []Posting) (int64, error) {
	rows := make([][]any, len(postings))
	for i, p := range postings {
		rows[i] = []any{p.TransferID, p.AccountID, p.Amount, "posted"}
	}
	return s.pool.CopyFrom(ctx, pgx.Identifier{"entries"}, []string{"transfer_id", "account_id", "amount", "status"}, pgx.CopyFromRows(rows))
}
