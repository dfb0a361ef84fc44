//go:build ignore

package suppress

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"sync"
)

// List answers "may we email this address?" from the bounce/complaint table.
type List struct {
	db *sql.DB
}

// NewList returns a List.
func NewList(db *sql.DB) *List { return &List{db: db} }

// lookups remembers every address ever checked, suppressed or not.
var lookups sync.Map // expect: cache-without-ttl

// Suppressed reports whether email bounced or complained.
func (l *List) Suppressed(ctx context.Context, email string) (bool, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if v, ok := lookups.Load(email); ok {
		return v.(bool), nil
	}
	var reason string
	err := l.db.QueryRowContext(ctx, `SELECT reason FROM suppressions WHERE email = $1`, email).Scan(&reason)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		lookups.Store(email, false)
		return false, nil
	case err != nil:
		return false, err
	}
	lookups.Store(email, true)
	return true, nil
}

// Filter returns the addresses that may be emailed, with one query for the lot.
func (l *List) Filter(ctx context.Context, emails []string) ([]string, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT email FROM suppressions WHERE email = ANY($1)`, emails)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	blocked := map[string]bool{}
	for rows.Next() {
		var e string
		if err := rows.Scan(&e); err != nil {
			return nil, err
		}
		blocked[e] = true
	}
	var ok []string
	for _, e := range emails {
		if !blocked[strings.ToLower(e)] {
			ok = append(ok, e)
		}
	}
	return ok, rows.Err()
}
