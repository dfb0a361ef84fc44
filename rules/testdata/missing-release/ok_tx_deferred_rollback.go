package billing

import (
	"context"
	"database/sql"
	"errors"
)

type Service struct {
	db *sql.DB
}

// Charge: the usual defer tx.Rollback(); a rollback after commit is a no-op.
func (s *Service) Charge(ctx context.Context, accountID, cents int64) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	var balance int64
	if err := tx.QueryRowContext(ctx, `SELECT balance FROM accounts WHERE id = $1 FOR UPDATE`, accountID).Scan(&balance); err != nil {
		return err
	}
	if balance < cents {
		return errors.New("insufficient funds")
	}
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET balance = balance - $1 WHERE id = $2`, cents, accountID); err != nil {
		return err
	}
	return tx.Commit()
}

// Refund rolls back in a deferred closure when the named error is set.
func (s *Service) Refund(ctx context.Context, chargeID int64) (err error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if _, err = tx.ExecContext(ctx, `UPDATE charges SET refunded = true WHERE id = $1`, chargeID); err != nil {
		return err
	}
	err = tx.Commit()
	return err
}

// Move commits or rolls back on every path, without a defer.
func (s *Service) Move(ctx context.Context, from, to, cents int64) error {
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	if _, err := tx.Exec(`UPDATE accounts SET balance = balance - $1 WHERE id = $2`, cents, from); err != nil {
		tx.Rollback()
		return err
	}
	if _, err := tx.Exec(`UPDATE accounts SET balance = balance + $1 WHERE id = $2`, cents, to); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	return nil
}
