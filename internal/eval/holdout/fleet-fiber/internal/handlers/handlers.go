//go:build ignore

package handlers

import (
	"database/sql"
	"strconv"

	"github.com/gofiber/fiber/v2"
	redigo "github.com/gomodule/redigo/redis"
	"github.com/uptrace/bun"
	"gorm.io/gorm"
)

// Handlers serves the fleet API.
type Handlers struct {
	db    *gorm.DB
	bun   *bun.DB
	sqldb *sql.DB
	redis *redigo.Pool
}

// New returns the handlers.
func New(db *gorm.DB, b *bun.DB, sqldb *sql.DB, pool *redigo.Pool) *Handlers {
	return &Handlers{db: db, bun: b, sqldb: sqldb, redis: pool}
}

func fleetID(c *fiber.Ctx) uint {
	id, _ := c.Locals("fleet_id").(uint)
	return id
}

func paramInt(c *fiber.Ctx, name string) (int64, error) {
	v, err := strconv.ParseInt(c.Params(name), 10, 64)
	if err != nil {
		return 0, fiber.NewError(fiber.StatusBadRequest, name+" must be a number")
	}
	return v, nil
}
