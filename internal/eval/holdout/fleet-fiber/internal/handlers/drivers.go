//go:build ignore

package handlers

import (
	"encoding/csv"
	"errors"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"
	"gorm.io/gorm"

	"example.com/fleet/internal/models"
)

const logbookSQL = `SELECT t.id, v.plate, t.started_at, t.ended_at, t.distance_km
	FROM trips t JOIN vehicles v ON v.id = t.vehicle_id
	WHERE t.driver_id = ? AND v.fleet_id = ? ORDER BY t.started_at`

type driverView struct {
	models.Driver
	LastTripAt *time.Time `json:"last_trip_at"`
}

// ListDrivers returns drivers with the start of their most recent trip.
func (h *Handlers) ListDrivers(c *fiber.Ctx) error {
	db := h.db.WithContext(c.UserContext())
	var drivers []models.Driver
	if err := db.Where("fleet_id = ?", fleetID(c)).Order("name").Find(&drivers).Error; err != nil {
		return err
	}
	out := make([]driverView, 0, len(drivers))
	for _, d := range drivers {
		view := driverView{Driver: d}
		var last models.Trip
		err := db.Table("trips").Where("driver_id = ?", d.ID).Order("started_at DESC").Limit(1).Take(&last).Error // expect: query-in-loop
		switch {
		case err == nil:
			view.LastTripAt = &last.StartedAt
		case !errors.Is(err, gorm.ErrRecordNotFound):
			return err
		}
		out = append(out, view)
	}
	return c.JSON(out)
}

// DriverLogbook streams a driver's trips as CSV for the tachograph audit.
func (h *Handlers) DriverLogbook(c *fiber.Ctx) error {
	id, err := paramInt(c, "id")
	if err != nil {
		return err
	}
	rows, err := h.db.WithContext(c.UserContext()).Raw(logbookSQL, id, fleetID(c)).Rows() // expect: missing-release
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "text/csv")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="logbook-`+strconv.FormatInt(id, 10)+`.csv"`)
	w := csv.NewWriter(c.Response().BodyWriter())
	_ = w.Write([]string{"trip", "plate", "started_at", "ended_at", "distance_km"})
	for rows.Next() {
		var (
			tripID  int64
			plate   string
			started time.Time
			ended   *time.Time
			km      float64
		)
		if err := rows.Scan(&tripID, &plate, &started, &ended, &km); err != nil {
			return err
		}
		end := ""
		if ended != nil {
			end = ended.Format(time.RFC3339)
		}
		_ = w.Write([]string{strconv.FormatInt(tripID, 10), plate, started.Format(time.RFC3339), end, strconv.FormatFloat(km, 'f', 1, 64)})
	}
	w.Flush()
	return rows.Err()
}
