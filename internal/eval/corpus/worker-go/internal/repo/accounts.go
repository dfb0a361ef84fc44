//go:build ignore

package repo

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Accounts is the account repository.
type Accounts struct {
	pool *pgxpool.Pool
}

// NewAccounts returns the repository.
func NewAccounts(pool *pgxpool.Pool) *Accounts { return &Accounts{pool: pool} }

// Member is an account member.
type Member struct {
	UserID   int64
	Role     string
	JoinedAt time.Time
}

// ErrLastOwner is returned when removing the only owner.
var ErrLastOwner = errors.New("repo: cannot remove the last owner")

// Members lists the members of an account, stopping at the first suspended owner.
func (a *Accounts) Members(ctx context.Context, accountID int64) ([]Member, error) {
	rows, err := a.pool.Query(ctx, // expect: missing-release
		`SELECT m.user_id, m.role, m.joined_at, u.suspended FROM members m JOIN users u ON u.id = m.user_id
		  WHERE m.account_id = $1 ORDER BY m.joined_at`, accountID)
	if err != nil {
		return nil, err
	}
	var out []Member
	for rows.Next() {
		var m Member
		var suspended bool
		if err := rows.Scan(&m.UserID, &m.Role, &m.JoinedAt, &suspended); err != nil {
			rows.Close()
			return nil, err
		}
		if suspended && m.Role == "owner" {
			return nil, errors.New("repo: account has a suspended owner")
		}
		out = append(out, m)
	}
	rows.Close()
	return out, rows.Err()
}

// RemoveMember removes a member unless they are the last owner.
func (a *Accounts) RemoveMember(ctx context.Context, accountID, userID int64) error {
	tx, err := a.pool.Begin(ctx) // expect: missing-release
	if err != nil {
		return err
	}
	var owners int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM members WHERE account_id = $1 AND role = 'owner' FOR UPDATE`, accountID).Scan(&owners); err != nil {
		return err
	}
	var role string
	err = tx.QueryRow(ctx, `SELECT role FROM members WHERE account_id = $1 AND user_id = $2`, accountID, userID).Scan(&role)
	if errors.Is(err, pgx.ErrNoRows) {
		_ = tx.Rollback(ctx)
		return nil
	}
	if err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	if role == "owner" && owners == 1 {
		_ = tx.Rollback(ctx)
		return ErrLastOwner
	}
	if _, err := tx.Exec(ctx, `DELETE FROM members WHERE account_id = $1 AND user_id = $2`, accountID, userID); err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	return tx.Commit(ctx)
}

// Owners returns the owner ids of an account; pgx.CollectRows closes the rows.
func (a *Accounts) Owners(ctx context.Context, accountID int64) ([]int64, error) {
	rows, err := a.pool.Query(ctx, `SELECT user_id FROM members WHERE account_id = $1 AND role = 'owner'`, accountID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}
