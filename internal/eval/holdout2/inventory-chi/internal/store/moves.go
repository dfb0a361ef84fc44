//go:build ignore

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

var ErrInsufficient = errors.New("insufficient stock")

// Transfer moves qty of an item between two locations in one transaction.
func (s *Store) Transfer(ctx context.Context, itemID, from, to int64, qty int) error {
	tx, err := s.db.BeginTxx(ctx, &sql.TxOptions{Isolation: sql.LevelReadCommitted})
	if err != nil {
		return err
	}
	defer tx.Rollback()

	res, err := tx.ExecContext(ctx,
		`UPDATE stock SET on_hand = on_hand - $3 WHERE item_id = $1 AND location_id = $2 AND on_hand - reserved >= $3`,
		itemID, from, qty)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrInsufficient
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO stock (item_id, location_id, on_hand, reserved) VALUES ($1, $2, $3, 0)
		 ON CONFLICT (item_id, location_id) DO UPDATE SET on_hand = stock.on_hand + EXCLUDED.on_hand`,
		itemID, to, qty); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO moves (item_id, from_location, to_location, qty, kind) VALUES ($1, $2, $3, $4, 'transfer')`,
		itemID, from, to, qty); err != nil {
		return err
	}
	return tx.Commit()
}

// Adjust records a cycle-count correction and the reason for it.
func (s *Store) Adjust(ctx context.Context, itemID, location int64, counted int, reason string) error {
	tx, err := s.db.BeginTx(ctx, nil) // expect: missing-release
	if err != nil {
		return err
	}
	var onHand int
	err = tx.QueryRowContext(ctx,
		`SELECT on_hand FROM stock WHERE item_id = $1 AND location_id = $2 FOR UPDATE`, itemID, location).Scan(&onHand)
	if err != nil {
		return fmt.Errorf("lock stock row: %w", err)
	}
	if onHand == counted {
		return tx.Commit()
	}
	if _, err := tx.ExecContext(ctx,
		`UPDATE stock SET on_hand = $3 WHERE item_id = $1 AND location_id = $2`, itemID, location, counted); err != nil {
		tx.Rollback()
		return err
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO moves (item_id, to_location, qty, kind, note) VALUES ($1, $2, $3, 'adjust', $4)`,
		itemID, location, counted-onHand, reason); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
