//go:build ignore

package handlers

import (
	"net/http"
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
