//go:build ignore

package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Payment is one settled or attempted payment.
type Payment struct {
	ID          string
	InvoiceID   string
	AmountCents int64
	Status      string
	AttemptedAt time.Time
	FailureCode sql.NullString
}

// PaymentRows streams payments for an export. The caller must close the rows.
func (s *Store) PaymentRows(ctx context.Context, since time.Time) (*sql.Rows, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, invoice_id, amount_cents, status, attempted_at, failure_code
		   FROM payments WHERE attempted_at >= $1 ORDER BY attempted_at`, since)
	if err != nil {
		return nil, fmt.Errorf("querying payments: %w", err)
	}
	return rows, nil
}

func (s *Store) lastFailure(ctx context.Context, invoiceID string) (sql.NullString, error) {
	var code sql.NullString
	err := s.db.QueryRowContext(ctx,
		`SELECT failure_code FROM payments WHERE invoice_id = $1 AND status = 'failed' ORDER BY attempted_at DESC LIMIT 1`,
		invoiceID).Scan(&code)
	if err == sql.ErrNoRows {
		return sql.NullString{}, nil
	}
	return code, err
}

// FailureCodes returns the most recent failure code for each invoice.
func (s *Store) FailureCodes(ctx context.Context, invoiceIDs []string) (map[string]string, error) {
	out := make(map[string]string, len(invoiceIDs))
	for _, id := range invoiceIDs {
		code, err := s.lastFailure(ctx, id) // expect: query-in-loop
		if err != nil {
			return nil, err
		}
		if code.Valid {
			out[id] = code.String
		}
	}
	return out, nil
}

// RecentPayments returns the latest payments for an invoice.
func (s *Store) RecentPayments(ctx context.Context, invoiceID string, limit int) ([]Payment, error) {
	rows, err := s.db.QueryContext(ctx, // expect: missing-release
		`SELECT id, invoice_id, amount_cents, status, attempted_at, failure_code
		   FROM payments WHERE invoice_id = $1 ORDER BY attempted_at DESC LIMIT $2`, invoiceID, limit)
	if err != nil {
		return nil, err
	}
	var out []Payment
	for rows.Next() {
		var p Payment
		if err := rows.Scan(&p.ID, &p.InvoiceID, &p.AmountCents, &p.Status, &p.AttemptedAt, &p.FailureCode); err != nil {
			return nil, err
		}
		out = append(out, p)
		if len(out) == limit {
			return out, nil
		}
	}
	rows.Close()
	return out, rows.Err()
}

// RecordAttempt stores a payment attempt.
func (s *Store) RecordAttempt(ctx context.Context, p Payment) error {
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO payments (id, invoice_id, amount_cents, status, attempted_at, failure_code)
		 VALUES ($1, $2, $3, $4, $5, $6)`,
		p.ID, p.InvoiceID, p.AmountCents, p.Status, p.AttemptedAt, p.FailureCode)
	return err
}

// WithConn runs fn on a dedicated connection (needed for session-level advisory locks).
func (s *Store) WithConn(ctx context.Context, fn func(*sql.Conn) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return fn(conn)
}

// TryLock takes a session advisory lock and returns the connection holding it.
func (s *Store) TryLock(ctx context.Context, key int64) (*sql.Conn, bool, error) {
	conn, err := s.db.Conn(ctx) // expect: missing-release
	if err != nil {
		return nil, false, err
	}
	var ok bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1)`, key).Scan(&ok); err != nil {
		return nil, false, err
	}
	if !ok {
		conn.Close()
		return nil, false, nil
	}
	return conn, true, nil
}
