package store

import (
	"context"
	"database/sql"
	"sync"
)

type Store struct {
	lock sync.Locker
	db   *sql.DB
}

func (s *Store) Bump(ctx context.Context, id int) error {
	s.lock.Lock()
	defer s.lock.Unlock()
	_, err := s.db.ExecContext(ctx, "UPDATE counters SET n = n + 1 WHERE id = $1", id) // want "sync-api-in-async: `s.db.ExecContext` queries the database while `s.lock` is held"
	return err
}
