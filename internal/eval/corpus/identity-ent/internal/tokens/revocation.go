//go:build ignore

// Package tokens tracks revoked session and access tokens.
package tokens

import (
	"context"
	"database/sql"
	"log"
	"sync"
	"time"
)

// RevocationList is an in-memory copy of the revoked_tokens table.
type RevocationList struct {
	db *sql.DB

	mu      sync.RWMutex
	revoked map[string]time.Time
	loaded  time.Time
}

// NewRevocationList returns an empty list; call Refresh before use.
func NewRevocationList(db *sql.DB) *RevocationList {
	return &RevocationList{db: db, revoked: map[string]time.Time{}}
}

// Revoked reports whether token is revoked.
func (l *RevocationList) Revoked(token string) bool {
	l.mu.RLock()
	defer l.mu.RUnlock()
	_, ok := l.revoked[token]
	return ok
}

// Refresh reloads the list from the database, then swaps it in.
func (l *RevocationList) Refresh(ctx context.Context) error {
	rows, err := l.db.QueryContext(ctx, `SELECT token, expires_at FROM revoked_tokens WHERE expires_at > now()`)
	if err != nil {
		return err
	}
	defer rows.Close()
	next := make(map[string]time.Time)
	for rows.Next() {
		var tok string
		var exp time.Time
		if err := rows.Scan(&tok, &exp); err != nil {
			return err
		}
		next[tok] = exp
	}
	if err := rows.Err(); err != nil {
		return err
	}
	l.mu.Lock()
	l.revoked, l.loaded = next, time.Now()
	l.mu.Unlock()
	return nil
}

// Revoke adds a token to the list and persists it.
func (l *RevocationList) Revoke(ctx context.Context, token string, expires time.Time) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, err := l.db.ExecContext(ctx, `INSERT INTO revoked_tokens (token, expires_at) VALUES ($1, $2) ON CONFLICT DO NOTHING`, token, expires); err != nil { // expect: sync-api-in-async
		return err
	}
	l.revoked[token] = expires
	return nil
}

// RefreshEvery reloads the list on a timer until ctx ends.
func (l *RevocationList) RefreshEvery(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := l.Refresh(ctx); err != nil {
				log.Printf("tokens: refreshing revocation list: %v", err)
			}
		}
	}
}
