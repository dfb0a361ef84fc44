//go:build ignore

package repo

import (
	"context"
	"database/sql"
	"time"

	"github.com/uptrace/bun"

	"example.com/fleet/internal/models"
)

// TripRepo wraps bun access to trips.
type TripRepo struct {
	db *bun.DB
}

// NewTripRepo returns a TripRepo.
func NewTripRepo(db *bun.DB) *TripRepo { return &TripRepo{db: db} }

// Recent returns the latest trips of several vehicles in one query, drivers joined.
func (r *TripRepo) Recent(ctx context.Context, vehicleIDs []int64, since time.Time) ([]models.Trip, error) {
	var trips []models.Trip
	err := r.db.NewSelect().
		Model(&trips).
		Relation("Driver").
		Where("t.vehicle_id IN (?)", bun.In(vehicleIDs)).
		Where("t.started_at >= ?", since).
		Order("t.started_at DESC").
		Scan(ctx)
	return trips, err
}

// Page walks all trips of a fleet in keyset pages, calling fn once per page.
func (r *TripRepo) Page(ctx context.Context, fleet int64, size int, fn func([]models.Trip) error) error {
	var after int64
	for {
		var page []models.Trip
		err := r.db.NewSelect().Model(&page).
			Join("JOIN vehicles AS v ON v.id = t.vehicle_id").
			Where("v.fleet_id = ?", fleet).
			Where("t.id > ?", after).
			Order("t.id").
			Limit(size).
			Scan(ctx)
		if err != nil {
			return err
		}
		if len(page) == 0 {
			return nil
		}
		if err := fn(page); err != nil {
			return err
		}
		after = page[len(page)-1].ID
	}
}

// Reassign moves open trips from one driver to another atomically.
func (r *TripRepo) Reassign(ctx context.Context, from, to int64) (int64, error) {
	tx, err := r.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead})
	if err != nil {
		return 0, err
	}
	defer func() { _ = tx.Rollback() }()

	res, err := tx.NewUpdate().Model((*models.Trip)(nil)).
		Set("driver_id = ?", to).
		Where("driver_id = ? AND status = 'open'", from).
		Exec(ctx)
	if err != nil {
		return 0, err
	}
	if _, err := tx.NewInsert().Model(&map[string]any{"from_driver": from, "to_driver": to, "at": time.Now()}).
		ModelTableExpr("driver_reassignments").Exec(ctx); err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	return n, tx.Commit()
}
