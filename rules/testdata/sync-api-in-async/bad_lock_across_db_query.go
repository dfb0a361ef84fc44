package users

import (
	"context"
	"database/sql"
	"sync"
)

type Repo struct {
	db    *sql.DB
	mu    sync.Mutex
	names map[int64]string
}

func (r *Repo) Name(ctx context.Context, id int64) (string, error) {
	r.mu.Lock()
	if n, ok := r.names[id]; ok {
		r.mu.Unlock()
		return n, nil
	}
	var name string
	err := r.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name) // want "sync-api-in-async: `r.db.QueryRowContext` queries the database while `r.mu` is held"
	if err == nil {
		r.names[id] = name
	}
	r.mu.Unlock()
	return name, err
}
