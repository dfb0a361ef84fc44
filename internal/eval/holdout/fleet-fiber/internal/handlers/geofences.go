//go:build ignore

package handlers

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/gofiber/fiber/v2"
	redigo "github.com/gomodule/redigo/redis"
	"github.com/uptrace/bun"

	"example.com/fleet/internal/models"
)

const fenceIndexTTL = 15 * 60 // seconds

// ReplaceGeofences swaps a fleet's geofences and refreshes the Redis copies
// that the telemetry workers read.
func (h *Handlers) ReplaceGeofences(c *fiber.Ctx) error {
	fleet, err := paramInt(c, "fleet")
	if err != nil {
		return err
	}
	var fences []models.Geofence
	if err := c.BodyParser(&fences); err != nil {
		return fiber.ErrBadRequest
	}
	for i := range fences {
		fences[i].FleetID = fleet
	}
	ctx := c.UserContext()
	err = h.bun.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if _, err := tx.NewDelete().Model((*models.Geofence)(nil)).Where("fleet_id = ?", fleet).Exec(ctx); err != nil {
			return err
		}
		if len(fences) == 0 {
			return nil
		}
		_, err := tx.NewInsert().Model(&fences).Exec(ctx)
		return err
	})
	if err != nil {
		return err
	}

	conn, err := h.redis.GetContext(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()

	// The id list that workers poll; written with its expiry in one MULTI.
	ids := make([]string, len(fences))
	for i, f := range fences {
		ids[i] = strconv.FormatInt(f.ID, 10)
	}
	listKey := fmt.Sprintf("fences:%d", fleet)
	idsJSON, _ := json.Marshal(ids)
	_ = conn.Send("MULTI")
	_ = conn.Send("SET", listKey, idsJSON)
	_ = conn.Send("EXPIRE", listKey, fenceIndexTTL)
	if _, err := conn.Do("EXEC"); err != nil {
		return err
	}

	// Per-fence cache entries for the point-in-polygon workers.
	for _, f := range fences {
		body, _ := json.Marshal(f)
		if _, err := conn.Do("SET", fmt.Sprintf("cache:fence:%d", f.ID), body); err != nil { // expect: query-in-loop, cache-without-ttl
			return err
		}
	}

	// Summary used by the dashboard header.
	if _, err := conn.Do("HSET", fmt.Sprintf("cache:fleet-summary:%d", fleet), "geofences", len(fences)); err != nil { // expect: cache-without-ttl
		return err
	}
	return c.JSON(fiber.Map{"geofences": len(fences)})
}
