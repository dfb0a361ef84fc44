package accounts

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Store struct {
	pool *pgxpool.Pool
}

// Queued statements go out in one round trip.
func (s *Store) Credit(ctx context.Context, amounts map[int64]int64) error {
	batch := &pgx.Batch{}
	for id, amt := range amounts {
		batch.Queue("UPDATE accounts SET balance = balance + $2 WHERE id = $1", id, amt)
	}
	br := s.pool.SendBatch(ctx, batch)
	defer br.Close()
	for range amounts {
		if _, err := br.Exec(); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) Balances(ctx context.Context, ids []int64) (map[int64]int64, error) {
	rows, err := s.pool.Query(ctx, "SELECT id, balance FROM accounts WHERE id = ANY($1)", ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int64{}
	for rows.Next() {
		var id, bal int64
		if err := rows.Scan(&id, &bal); err != nil {
			return nil, err
		}
		out[id] = bal
	}
	return out, rows.Err()
}

func (s *Store) Load(ctx context.Context, rows [][]any) error {
	_, err := s.pool.CopyFrom(ctx, pgx.Identifier{"accounts"}, []string{"id", "balance"}, pgx.CopyFromRows(rows))
	return err
}
