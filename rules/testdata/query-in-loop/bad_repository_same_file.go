package users

import (
	"context"
	"database/sql"
)

type UserRepo struct {
	db *sql.DB
}

func (r *UserRepo) ByID(ctx context.Context, id int64) (string, error) {
	var name string
	err := r.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name)
	return name, err
}

type Service struct {
	repo *UserRepo
}

// The repository lives in this file, so the call through it is followed.
func (s *Service) Names(ctx context.Context, ids []int64) ([]string, error) {
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		n, err := s.repo.ByID(ctx, id) // want "query-in-loop: s.repo.ByID → r.db.QueryRowContext runs once per iteration of the loop on line 25"
		if err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, nil
}

func Names2(ctx context.Context, db *sql.DB, ids []int64) {
	repo := &UserRepo{db: db}
	for _, id := range ids {
		repo.ByID(ctx, id) // want "repo.ByID → r.db.QueryRowContext runs once per iteration of the loop on line 37"
	}
}
