//go:build ignore

package handlers

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"
)

// Search proxies a query to the search cluster and hydrates the hits from the database.
func (h *Handlers) Search(c echo.Context) error {
	ctx := c.Request().Context()
	q := c.QueryParam("q")
	if len(q) < 2 {
		return echo.NewHTTPError(http.StatusBadRequest, "query too short")
	}
	size, _ := strconv.Atoi(c.QueryParam("size"))
	if size <= 0 || size > 100 {
		size = 24
	}
	if ids, ok := h.cache.SearchHits(ctx, q); ok {
		products, err := h.store.ProductsByIDs(ctx, ids)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, map[string]any{"products": products, "cached": true})
	}
	ids, err := h.search.Query(ctx, q, size)
	if err != nil {
		h.log.Warn("search failed", "q", q, "err", err)
		return echo.NewHTTPError(http.StatusServiceUnavailable, "search unavailable")
	}
	h.cache.PutSearchHits(ctx, q, ids)
	products, err := h.store.ProductsByIDs(ctx, ids)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"products": products})
}

// Suggest forwards autocomplete requests to the suggestion service.
func (h *Handlers) Suggest(c echo.Context) error {
	prefix := c.QueryParam("prefix")
	if prefix == "" {
		return c.JSON(http.StatusOK, []string{})
	}
	resp, err := http.Get("http://suggest.internal/v1/complete?prefix=" + url.QueryEscape(prefix)) // expect: sync-api-in-async
	if err != nil {
		return echo.NewHTTPError(http.StatusServiceUnavailable, "suggestions unavailable")
	}
	defer resp.Body.Close()
	var out []string
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return echo.NewHTTPError(http.StatusBadGateway, "bad suggestion response")
	}
	return c.JSON(http.StatusOK, out)
}
