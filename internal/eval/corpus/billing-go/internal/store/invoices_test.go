//go:build ignore

package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"
)

func openTestDB(t *testing.T) *sql.DB {
	t.Helper()
	dsn := os.Getenv("TEST_DATABASE_URL")
	if dsn == "" {
		t.Skip("TEST_DATABASE_URL not set")
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestCustomerInvoices(t *testing.T) {
	db := openTestDB(t)
	ctx := context.Background()
	s := New(db)
	if _, err := db.ExecContext(ctx, `TRUNCATE invoices, line_items, customers CASCADE`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO customers (id, email, name, tax_country) VALUES ('c1', 'a@example.test', 'A', 'DE')`); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		id := fmt.Sprintf("inv-%d", i)
		if _, err := db.ExecContext(ctx,
			`INSERT INTO invoices (id, customer_id, number, status, currency, total_cents, issued_at, due_at)
			 VALUES ($1, 'c1', $2, 'open', 'EUR', 1000, now(), now() + interval '14 days')`, id, fmt.Sprintf("2024-%04d", i)); err != nil {
			t.Fatal(err)
		}
		for j := 0; j < 3; j++ {
			if _, err := db.ExecContext(ctx,
				`INSERT INTO line_items (invoice_id, description, quantity, unit_cents) VALUES ($1, $2, 1, 333)`,
				id, fmt.Sprintf("seat %d", j)); err != nil {
				t.Fatal(err)
			}
		}
	}
	got, err := s.CustomerInvoices(ctx, "c1", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 5 || len(got[0].LineItems) != 3 {
		t.Fatalf("got %d invoices, first with %d items", len(got), len(got[0].LineItems))
	}
}
