//go:build ignore

// Package db is the media service's MySQL repository.
package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Asset is an uploaded file.
type Asset struct {
	ID        int64
	OwnerID   int64
	Path      string
	Mime      string
	Bytes     int64
	Width     int
	Height    int
	CreatedAt time.Time
}

// ErrNotFound is returned when an asset does not exist.
var ErrNotFound = errors.New("db: not found")

// Repo wraps *sql.DB.
type Repo struct {
	db *sql.DB
}

// NewRepo returns a Repo.
func NewRepo(db *sql.DB) *Repo { return &Repo{db: db} }

// Asset loads one asset.
func (r *Repo) Asset(ctx context.Context, id int64) (Asset, error) {
	var a Asset
	err := r.db.QueryRowContext(ctx,
		`SELECT id, owner_id, path, mime, bytes, width, height, created_at FROM assets WHERE id = ?`, id).
		Scan(&a.ID, &a.OwnerID, &a.Path, &a.Mime, &a.Bytes, &a.Width, &a.Height, &a.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return Asset{}, ErrNotFound
	}
	return a, err
}

// Insert stores a new asset and returns its id.
func (r *Repo) Insert(ctx context.Context, a Asset) (int64, error) {
	res, err := r.db.ExecContext(ctx,
		`INSERT INTO assets (owner_id, path, mime, bytes, width, height) VALUES (?, ?, ?, ?, ?, ?)`,
		a.OwnerID, a.Path, a.Mime, a.Bytes, a.Width, a.Height)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// UsedBytes returns the storage used by an owner.
func (r *Repo) UsedBytes(ctx context.Context, ownerID int64) (int64, error) {
	var n sql.NullInt64
	err := r.db.QueryRowContext(ctx, `SELECT SUM(bytes) FROM assets WHERE owner_id = ? AND deleted_at IS NULL`, ownerID).Scan(&n)
	return n.Int64, err
}

// Assets loads many assets with one IN query.
func (r *Repo) Assets(ctx context.Context, ids []int64) ([]Asset, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	q := fmt.Sprintf(`SELECT id, owner_id, path, mime, bytes, width, height, created_at FROM assets WHERE id IN (?%s)`,
		strings.Repeat(", ?", len(ids)-1))
	rows, err := r.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Asset
	for rows.Next() {
		var a Asset
		if err := rows.Scan(&a.ID, &a.OwnerID, &a.Path, &a.Mime, &a.Bytes, &a.Width, &a.Height, &a.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// OwnerAssets lists an owner's assets, newest first.
func (r *Repo) OwnerAssets(ctx context.Context, ownerID int64, limit int) ([]Asset, error) {
	rows, err := r.db.QueryContext(ctx, // expect: missing-release
		`SELECT id, owner_id, path, mime, bytes, width, height, created_at FROM assets
		  WHERE owner_id = ? AND deleted_at IS NULL ORDER BY created_at DESC LIMIT ?`, ownerID, limit)
	if err != nil {
		return nil, err
	}
	out := make([]Asset, 0, limit)
	for rows.Next() {
		var a Asset
		if err := rows.Scan(&a.ID, &a.OwnerID, &a.Path, &a.Mime, &a.Bytes, &a.Width, &a.Height, &a.CreatedAt); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	return out, nil
}

// SoftDelete marks assets deleted and returns their paths, inside one transaction.
func (r *Repo) SoftDelete(ctx context.Context, ownerID int64, ids []int64) ([]string, error) {
	tx, err := r.db.BeginTx(ctx, nil) // expect: missing-release
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, id := range ids {
		var p string
		if err := tx.QueryRowContext(ctx, `SELECT path FROM assets WHERE id = ? AND owner_id = ? FOR UPDATE`, id, ownerID).Scan(&p); err != nil { // expect: query-in-loop
			if errors.Is(err, sql.ErrNoRows) {
				continue
			}
			return nil, err
		}
		paths = append(paths, p)
	}
	args := []any{ownerID}
	for _, id := range ids {
		args = append(args, id)
	}
	q := `UPDATE assets SET deleted_at = NOW() WHERE owner_id = ? AND id IN (?` + strings.Repeat(", ?", len(ids)-1) + `)`
	if _, err := tx.ExecContext(ctx, q, args...); err != nil {
		_ = tx.Rollback()
		return nil, err
	}
	return paths, tx.Commit()
}

// StreamOwner returns the rows of an owner's assets for an export; the caller closes them.
func (r *Repo) StreamOwner(ctx context.Context, ownerID int64) (*sql.Rows, error) {
	return r.db.QueryContext(ctx, `SELECT id, path, bytes FROM assets WHERE owner_id = ? ORDER BY id`, ownerID)
}

// WithLock holds a named MySQL lock on a dedicated connection while fn runs.
func (r *Repo) WithLock(ctx context.Context, name string, fn func() error) error {
	conn, err := r.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	var got int
	if err := conn.QueryRowContext(ctx, `SELECT GET_LOCK(?, 10)`, name).Scan(&got); err != nil {
		return err
	}
	if got != 1 {
		return fmt.Errorf("lock %q busy", name)
	}
	defer conn.ExecContext(context.Background(), `SELECT RELEASE_LOCK(?)`, name)
	return fn()
}
