//go:build ignore

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/lib/pq"
)

const invoiceColumns = `id, customer_id, number, status, currency, total_cents, issued_at, due_at, paid_at, stripe_invoice_id`

func scanInvoice(row interface{ Scan(...any) error }) (Invoice, error) {
	var inv Invoice
	err := row.Scan(&inv.ID, &inv.CustomerID, &inv.Number, &inv.Status, &inv.Currency, &inv.TotalCents,
		&inv.IssuedAt, &inv.DueAt, &inv.PaidAt, &inv.StripeInvID)
	return inv, err
}

// Invoice returns one invoice with its line items.
func (s *Store) Invoice(ctx context.Context, id string) (Invoice, error) {
	inv, err := scanInvoice(s.db.QueryRowContext(ctx, `SELECT `+invoiceColumns+` FROM invoices WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Invoice{}, ErrNotFound
	}
	if err != nil {
		return Invoice{}, fmt.Errorf("loading invoice %s: %w", id, err)
	}
	inv.LineItems, err = s.lineItems(ctx, id)
	return inv, err
}

func (s *Store) lineItems(ctx context.Context, invoiceID string) ([]LineItem, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, invoice_id, description, quantity, unit_cents FROM line_items WHERE invoice_id = $1 ORDER BY id`,
		invoiceID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []LineItem
	for rows.Next() {
		var li LineItem
		if err := rows.Scan(&li.ID, &li.InvoiceID, &li.Description, &li.Quantity, &li.UnitCents); err != nil {
			return nil, err
		}
		items = append(items, li)
	}
	return items, rows.Err()
}

// CustomerInvoices lists a customer's invoices, newest first, with line items.
func (s *Store) CustomerInvoices(ctx context.Context, customerID string, limit int) ([]Invoice, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT `+invoiceColumns+` FROM invoices WHERE customer_id = $1 ORDER BY issued_at DESC LIMIT $2`,
		customerID, limit)
	if err != nil {
		return nil, fmt.Errorf("listing invoices: %w", err)
	}
	defer rows.Close()
	var out []Invoice
	for rows.Next() {
		inv, err := scanInvoice(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, inv)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		items, err := s.lineItems(ctx, out[i].ID) // expect: query-in-loop
		if err != nil {
			return nil, err
		}
		out[i].LineItems = items
	}
	return out, nil
}

// InvoicesWithItems loads many invoices and their line items in two queries.
func (s *Store) InvoicesWithItems(ctx context.Context, ids []string) ([]Invoice, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+invoiceColumns+` FROM invoices WHERE id = ANY($1)`, pq.Array(ids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := make(map[string]*Invoice, len(ids))
	var out []Invoice
	for rows.Next() {
		inv, err := scanInvoice(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, inv)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		byID[out[i].ID] = &out[i]
	}

	itemRows, err := s.db.QueryContext(ctx,
		`SELECT id, invoice_id, description, quantity, unit_cents FROM line_items WHERE invoice_id = ANY($1) ORDER BY id`,
		pq.Array(ids))
	if err != nil {
		return nil, err
	}
	defer itemRows.Close()
	for itemRows.Next() {
		var li LineItem
		if err := itemRows.Scan(&li.ID, &li.InvoiceID, &li.Description, &li.Quantity, &li.UnitCents); err != nil {
			return nil, err
		}
		if inv := byID[li.InvoiceID]; inv != nil {
			inv.LineItems = append(inv.LineItems, li)
		}
	}
	return out, itemRows.Err()
}

// OverdueInvoiceIDs returns invoices past due that are still open.
func (s *Store) OverdueInvoiceIDs(ctx context.Context, limit int) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, // expect: missing-release
		`SELECT id FROM invoices WHERE status = 'open' AND due_at < now() ORDER BY due_at LIMIT $1`, limit)
	if err != nil {
		return nil, err
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("scanning overdue id: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	return ids, rows.Err()
}

// MarkPaid records payment of several invoices.
func (s *Store) MarkPaid(ctx context.Context, ids []string) (int64, error) {
	res, err := s.db.ExecContext(ctx,
		`UPDATE invoices SET status = 'paid', paid_at = now() WHERE id = ANY($1) AND status = 'open'`, pq.Array(ids))
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// VoidInvoices voids each invoice, recording a reason per invoice.
func (s *Store) VoidInvoices(ctx context.Context, reasons map[string]string) error {
	for id, reason := range reasons {
		if _, err := s.db.ExecContext(ctx, // expect: query-in-loop
			`UPDATE invoices SET status = 'void', void_reason = $2 WHERE id = $1 AND status = 'open'`, id, reason); err != nil {
			return fmt.Errorf("voiding %s: %w", id, err)
		}
	}
	return nil
}
