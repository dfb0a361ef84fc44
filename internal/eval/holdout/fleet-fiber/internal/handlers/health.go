//go:build ignore

package handlers

import (
	"context"
	"net/http"
	"os"
	"time"

	"github.com/gofiber/fiber/v2"
)

var (
	telematicsHealthURL = os.Getenv("TELEMATICS_HEALTH_URL")
	healthClient        = &http.Client{Timeout: 2 * time.Second}
)

// Health reports the state of Postgres, Redis and the telematics provider.
func (h *Handlers) Health(c *fiber.Ctx) error {
	ctx, cancel := context.WithTimeout(c.UserContext(), 2*time.Second)
	defer cancel()
	status := fiber.Map{"postgres": "ok", "redis": "ok", "telematics": "ok"}
	code := fiber.StatusOK

	if err := h.sqldb.PingContext(ctx); err != nil {
		status["postgres"], code = err.Error(), fiber.StatusServiceUnavailable
	}

	conn, err := h.redis.GetContext(ctx)
	if err != nil {
		status["redis"], code = err.Error(), fiber.StatusServiceUnavailable
	} else {
		if _, err := conn.Do("PING"); err != nil {
			status["redis"], code = err.Error(), fiber.StatusServiceUnavailable
		}
		conn.Close()
	}

	if telematicsHealthURL != "" {
		resp, err := healthClient.Get(telematicsHealthURL)
		if err != nil {
			status["telematics"] = err.Error()
		} else {
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				status["telematics"] = resp.Status
			}
		}
	}
	return c.Status(code).JSON(status)
}
