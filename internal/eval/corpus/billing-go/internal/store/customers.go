//go:build ignore

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// CustomerByID loads one customer.
func (s *Store) CustomerByID(ctx context.Context, id string) (Customer, error) {
	var c Customer
	err := s.db.QueryRowContext(ctx,
		`SELECT id, email, name, stripe_id, balance_cents, delinquent_at, tax_country, tax_exempt_code
		   FROM customers WHERE id = $1`, id).
		Scan(&c.ID, &c.Email, &c.Name, &c.StripeID, &c.BalanceCents, &c.DelinquentAt, &c.TaxCountry, &c.TaxExemptCode)
	if errors.Is(err, sql.ErrNoRows) {
		return Customer{}, ErrNotFound
	}
	return c, err
}

// CustomerFilter narrows SearchCustomers.
type CustomerFilter struct {
	Email      string
	Country    string
	Delinquent *bool
	Tags       []string
}

// SearchCustomers builds its WHERE clause from the filter.
func (s *Store) SearchCustomers(ctx context.Context, f CustomerFilter, limit int) ([]Customer, error) {
	var (
		where []string
		args  []any
	)
	add := func(cond string, v any) {
		args = append(args, v)
		where = append(where, fmt.Sprintf(cond, len(args)))
	}
	if f.Email != "" {
		add("email ILIKE $%d", f.Email+"%")
	}
	if f.Country != "" {
		add("tax_country = $%d", f.Country)
	}
	if f.Delinquent != nil {
		if *f.Delinquent {
			where = append(where, "delinquent_at IS NOT NULL")
		} else {
			where = append(where, "delinquent_at IS NULL")
		}
	}
	for _, tag := range f.Tags {
		add("$%d = ANY(tags)", tag)
	}
	q := `SELECT id, email, name, stripe_id, balance_cents, delinquent_at, tax_country, tax_exempt_code FROM customers`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	args = append(args, limit)
	q += fmt.Sprintf(" ORDER BY created_at DESC LIMIT $%d", len(args))

	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Customer
	for rows.Next() {
		var c Customer
		if err := rows.Scan(&c.ID, &c.Email, &c.Name, &c.StripeID, &c.BalanceCents, &c.DelinquentAt, &c.TaxCountry, &c.TaxExemptCode); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// ApplyCredit adds a credit note and adjusts the customer's balance atomically.
func (s *Store) ApplyCredit(ctx context.Context, customerID string, cents int64, reason string) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
	if err != nil {
		return err
	}
	defer tx.Rollback()

	if _, err := tx.ExecContext(ctx,
		`INSERT INTO credit_notes (customer_id, amount_cents, reason) VALUES ($1, $2, $3)`, customerID, cents, reason); err != nil {
		return fmt.Errorf("inserting credit note: %w", err)
	}
	res, err := tx.ExecContext(ctx, `UPDATE customers SET balance_cents = balance_cents - $2 WHERE id = $1`, customerID, cents)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return tx.Commit()
}

// MergeCustomers moves invoices from duplicates to the survivor.
func (s *Store) MergeCustomers(ctx context.Context, survivor string, duplicates []string) error {
	tx, err := s.db.BeginTx(ctx, nil) // expect: missing-release
	if err != nil {
		return err
	}
	for _, dup := range duplicates {
		if _, err := tx.ExecContext(ctx, `UPDATE invoices SET customer_id = $1 WHERE customer_id = $2`, survivor, dup); err != nil { // expect: query-in-loop
			return fmt.Errorf("moving invoices of %s: %w", dup, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM customers WHERE id = $1`, dup); err != nil { // expect: query-in-loop
			return fmt.Errorf("deleting %s: %w", dup, err)
		}
	}
	return tx.Commit()
}

// SetDelinquent flags or clears delinquency for a customer and logs the change.
func (s *Store) SetDelinquent(ctx context.Context, customerID string, delinquent bool) (err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if delinquent {
		_, err = tx.ExecContext(ctx, `UPDATE customers SET delinquent_at = now() WHERE id = $1 AND delinquent_at IS NULL`, customerID)
	} else {
		_, err = tx.ExecContext(ctx, `UPDATE customers SET delinquent_at = NULL WHERE id = $1`, customerID)
	}
	if err != nil {
		return err
	}
	if _, err = tx.ExecContext(ctx, `INSERT INTO customer_events (customer_id, kind) VALUES ($1, $2)`,
		customerID, map[bool]string{true: "delinquent", false: "reinstated"}[delinquent]); err != nil {
		return err
	}
	return tx.Commit()
}
