//go:build ignore

package handlers

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/gofiber/fiber/v2"
	redigo "github.com/gomodule/redigo/redis"
)

var renderURL = os.Getenv("REPORT_RENDERER_URL")

type utilisationRow struct {
	Plate   string  `json:"plate"`
	Trips   int     `json:"trips"`
	Km      float64 `json:"km"`
	IdlePct float64 `json:"idle_pct"`
}

// Report renders a fleet report (PDF) through the renderer service and caches it.
func (h *Handlers) Report(c *fiber.Ctx) error {
	kind := c.Params("kind")
	if kind != "utilisation" {
		return fiber.ErrNotFound
	}
	week := time.Now().UTC().Truncate(7 * 24 * time.Hour).Format("2006-01-02")
	cacheKey := fmt.Sprintf("report:%d:%s:%s", fleetID(c), kind, week)

	conn := h.redis.Get()
	defer conn.Close()
	if pdf, err := redigo.Bytes(conn.Do("GET", cacheKey)); err == nil {
		c.Set(fiber.HeaderContentType, "application/pdf")
		return c.Send(pdf)
	}

	rows, err := h.sqldb.QueryContext(c.UserContext(), `SELECT v.plate, count(t.id), coalesce(sum(t.distance_km), 0), coalesce(avg(t.idle_pct), 0)
		FROM vehicles v LEFT JOIN trips t ON t.vehicle_id = v.id AND t.started_at >= $2
		WHERE v.fleet_id = $1 GROUP BY v.plate ORDER BY v.plate`, fleetID(c), week)
	if err != nil {
		return err
	}
	defer rows.Close()
	var data []utilisationRow
	for rows.Next() {
		var r utilisationRow
		if err := rows.Scan(&r.Plate, &r.Trips, &r.Km, &r.IdlePct); err != nil {
			return err
		}
		data = append(data, r)
	}
	if err := rows.Err(); err != nil {
		return err
	}

	payload, _ := json.Marshal(map[string]any{"template": "utilisation", "week": week, "rows": data})
	req, err := http.NewRequest(http.MethodPost, renderURL+"/render", bytes.NewReader(payload))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req) // expect: sync-api-in-async
	if err != nil {
		return fiber.NewError(fiber.StatusBadGateway, err.Error())
	}
	defer resp.Body.Close()
	pdf, err := io.ReadAll(io.LimitReader(resp.Body, 20<<20))
	if err != nil || resp.StatusCode != http.StatusOK {
		return fiber.NewError(fiber.StatusBadGateway, "renderer failed")
	}
	if _, err := conn.Do("SET", cacheKey, pdf); err != nil { // expect: cache-without-ttl
		return err
	}
	c.Set(fiber.HeaderContentType, "application/pdf")
	return c.Send(pdf)
}
