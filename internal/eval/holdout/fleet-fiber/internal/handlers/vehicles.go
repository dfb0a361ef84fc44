//go:build ignore

package handlers

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"

	"github.com/gofiber/fiber/v2"

	"example.com/fleet/internal/models"
)

var telematicsBase = os.Getenv("TELEMATICS_URL")

type vehiclePatch struct {
	ID            uint    `json:"id"`
	Status        *string `json:"status"`
	NextServiceKm *int    `json:"next_service_km"`
}

// ListVehicles returns the fleet's vehicles with their current driver.
func (h *Handlers) ListVehicles(c *fiber.Ctx) error {
	var vehicles []models.Vehicle
	q := h.db.WithContext(c.UserContext()).Preload("CurrentDriver").Where("fleet_id = ?", fleetID(c))
	if s := c.Query("status"); s != "" {
		q = q.Where("status = ?", s)
	}
	if plate := c.Query("plate"); plate != "" {
		q = q.Where("plate ILIKE ?", plate+"%")
	}
	if err := q.Order("plate").Limit(500).Find(&vehicles).Error; err != nil {
		return err
	}
	return c.JSON(vehicles)
}

// LiveStatus proxies the telematics provider's live position for one vehicle.
func (h *Handlers) LiveStatus(c *fiber.Ctx) error {
	var v models.Vehicle
	if err := h.db.WithContext(c.UserContext()).Where("fleet_id = ?", fleetID(c)).First(&v, c.Params("id")).Error; err != nil {
		return fiber.ErrNotFound
	}
	resp, err := http.Get(fmt.Sprintf("%s/v2/units/%s/position", telematicsBase, v.TelematicsID)) // expect: sync-api-in-async
	if err != nil {
		return fiber.NewError(fiber.StatusBadGateway, err.Error())
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fiber.NewError(fiber.StatusBadGateway, fmt.Sprintf("telematics returned %d", resp.StatusCode))
	}
	var pos map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&pos); err != nil {
		return err
	}
	return c.JSON(fiber.Map{"vehicle_id": v.ID, "position": pos})
}

// BulkUpdateVehicles applies status / service-interval edits from the fleet table view.
func (h *Handlers) BulkUpdateVehicles(c *fiber.Ctx) error {
	var patches []vehiclePatch
	if err := c.BodyParser(&patches); err != nil {
		return fiber.ErrBadRequest
	}
	if len(patches) > 200 {
		return fiber.NewError(fiber.StatusRequestEntityTooLarge, "at most 200 vehicles per request")
	}
	db := h.db.WithContext(c.UserContext())
	updated := 0
	for _, p := range patches {
		changes := map[string]any{}
		if p.Status != nil {
			changes["status"] = *p.Status
		}
		if p.NextServiceKm != nil {
			changes["next_service_km"] = *p.NextServiceKm
		}
		if len(changes) == 0 {
			continue
		}
		res := db.Model(&models.Vehicle{}).Where("id = ? AND fleet_id = ?", p.ID, fleetID(c)).Updates(changes) // expect: query-in-loop
		if res.Error != nil {
			return res.Error
		}
		updated += int(res.RowsAffected)
	}
	return c.JSON(fiber.Map{"updated": updated})
}
