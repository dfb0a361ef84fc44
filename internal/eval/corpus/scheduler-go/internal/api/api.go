//go:build ignore

// Package api is the scheduler's admin API (echo).
package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"example.com/scheduler/internal/cache"
	"example.com/scheduler/internal/jobs"
	"example.com/scheduler/internal/store"
)

type server struct {
	store *store.Store
	cache *cache.Cache
	sched *jobs.Scheduler
}

// Register mounts the routes.
func Register(e *echo.Echo, st *store.Store, c *cache.Cache, sched *jobs.Scheduler) {
	s := &server{store: st, cache: c, sched: sched}
	e.GET("/jobs/:id", s.job)
	e.GET("/jobs/:id/history", s.history)
	e.POST("/jobs/:id/run-now", s.runNow)
	e.POST("/owners/:tag/pause", s.pause)
	e.GET("/status/upstream", s.upstream)
}

func (s *server) job(c echo.Context) error {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "invalid id")
	}
	j, err := s.store.Job(c.Request().Context(), id)
	if err != nil {
		return echo.NewHTTPError(http.StatusNotFound, "job not found")
	}
	return c.JSON(http.StatusOK, j)
}

func (s *server) history(c echo.Context) error {
	id, _ := strconv.ParseInt(c.Param("id"), 10, 64)
	runs, err := s.store.RunHistory(c.Request().Context(), id, 50)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, runs)
}

// runNow marks a job due and waits briefly so the response can include the run.
func (s *server) runNow(c echo.Context) error {
	id, _ := strconv.ParseInt(c.Param("id"), 10, 64)
	j, err := s.store.Job(c.Request().Context(), id)
	if err != nil {
		return echo.NewHTTPError(http.StatusNotFound, "job not found")
	}
	if err := s.store.RecordRun(c.Request().Context(), j.ID, time.Now(), errors.New("manual trigger"), time.Now()); err != nil {
		return err
	}
	time.Sleep(3 * time.Second) // expect: sync-api-in-async
	runs, err := s.store.RunHistory(c.Request().Context(), id, 1)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, map[string]any{"job": j.Name, "latest": runs})
}

func (s *server) pause(c echo.Context) error {
	n, err := s.store.Pause(c.Request().Context(), c.Param("tag"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]int64{"paused": n})
}

// upstream reports the export service's health.
func (s *server) upstream(c echo.Context) error {
	resp, err := http.DefaultClient.Get("http://exporter.internal/healthz") // expect: sync-api-in-async
	if err != nil {
		return c.JSON(http.StatusOK, map[string]string{"exporter": "down"})
	}
	defer resp.Body.Close()
	var body map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&body)
	return c.JSON(http.StatusOK, map[string]any{"exporter": resp.Status, "details": body})
}
