package store

import (
	"context"
	"database/sql"
	"fmt"
)

type User struct {
	ID    int64
	Email string
}

type UserStore struct {
	db *sql.DB
}

// ListActive is the textbook shape: error check, then defer rows.Close().
func (s *UserStore) ListActive(ctx context.Context, limit int) ([]User, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, email FROM users WHERE active ORDER BY id LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("list active users: %w", err)
	}
	defer rows.Close()

	var out []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Email); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// CountByDomain defers the close in a closure that logs the error.
func (s *UserStore) CountByDomain(ctx context.Context) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT split_part(email, '@', 2), count(*) FROM users GROUP BY 1`)
	if err != nil {
		return nil, err
	}
	defer func() {
		if cerr := rows.Close(); cerr != nil {
			fmt.Println("close rows:", cerr)
		}
	}()
	counts := map[string]int{}
	for rows.Next() {
		var d string
		var n int
		if err := rows.Scan(&d, &n); err != nil {
			return nil, err
		}
		counts[d] = n
	}
	return counts, rows.Err()
}

// Emails uses QueryRow, which needs no release, and Exec.
func (s *UserStore) Touch(ctx context.Context, id int64) (string, error) {
	var email string
	if err := s.db.QueryRowContext(ctx, `SELECT email FROM users WHERE id = $1`, id).Scan(&email); err != nil {
		return "", err
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE users SET seen_at = now() WHERE id = $1`, id); err != nil {
		return "", err
	}
	return email, nil
}
