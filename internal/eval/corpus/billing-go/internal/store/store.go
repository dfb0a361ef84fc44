//go:build ignore

// Package store is the billing service's PostgreSQL access layer.
package store

import (
	"database/sql"
	"errors"
	"time"
)

// ErrNotFound is returned when a row does not exist.
var ErrNotFound = errors.New("store: not found")

// Store wraps the database handle.
type Store struct {
	db *sql.DB
}

// New returns a Store using db.
func New(db *sql.DB) *Store { return &Store{db: db} }

// Invoice is one customer invoice.
type Invoice struct {
	ID          string
	CustomerID  string
	Number      string
	Status      string
	Currency    string
	TotalCents  int64
	IssuedAt    time.Time
	DueAt       time.Time
	PaidAt      sql.NullTime
	LineItems   []LineItem
	StripeInvID sql.NullString
}

// LineItem is one line on an invoice.
type LineItem struct {
	ID          int64
	InvoiceID   string
	Description string
	Quantity    int
	UnitCents   int64
}

// Customer is a billable account.
type Customer struct {
	ID            string
	Email         string
	Name          string
	StripeID      sql.NullString
	BalanceCents  int64
	DelinquentAt  sql.NullTime
	TaxCountry    string
	TaxExemptCode sql.NullString
}

// DB exposes the handle for jobs that run their own SQL.
func (s *Store) DB() *sql.DB { return s.db }
