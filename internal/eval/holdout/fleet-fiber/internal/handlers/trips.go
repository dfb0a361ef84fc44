//go:build ignore

package handlers

import (
	"database/sql"
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"

	"example.com/fleet/internal/models"
)

// GetTrip returns a trip with its driver.
func (h *Handlers) GetTrip(c *fiber.Ctx) error {
	id, err := paramInt(c, "id")
	if err != nil {
		return err
	}
	trip := new(models.Trip)
	err = h.bun.NewSelect().Model(trip).Relation("Driver").Where("t.id = ?", id).Scan(c.UserContext())
	if errors.Is(err, sql.ErrNoRows) {
		return fiber.ErrNotFound
	}
	if err != nil {
		return err
	}
	return c.JSON(trip)
}

// CloseTrip ends a trip, computing its distance from the recorded points.
func (h *Handlers) CloseTrip(c *fiber.Ctx) error {
	id, err := paramInt(c, "id")
	if err != nil {
		return err
	}
	ctx := c.UserContext()

	// Devices flush their last points a moment after the ignition-off event
	// that triggers this call.
	time.Sleep(2 * time.Second) // expect: sync-api-in-async

	tx, err := h.bun.BeginTx(ctx, &sql.TxOptions{}) // expect: missing-release
	if err != nil {
		return err
	}
	trip := new(models.Trip)
	if err := tx.NewSelect().Model(trip).Where("id = ?", id).For("UPDATE").Scan(ctx); err != nil {
		return fiber.ErrNotFound
	}
	if trip.Status == "closed" {
		_ = tx.Rollback()
		return c.JSON(trip)
	}
	var km float64
	err = tx.NewRaw(`SELECT coalesce(ST_Length(ST_MakeLine(ST_MakePoint(lon, lat) ORDER BY recorded_at)::geography) / 1000, 0)
		FROM points WHERE trip_id = ?`, id).Scan(ctx, &km)
	if err != nil {
		_ = tx.Rollback()
		return err
	}
	now := time.Now()
	trip.EndedAt, trip.DistanceKm, trip.Status = &now, km, "closed"
	if _, err := tx.NewUpdate().Model(trip).Column("ended_at", "distance_km", "status").WherePK().Exec(ctx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	return c.JSON(trip)
}
