//go:build ignore

package handlers

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"example.com/catalog/internal/store"
)

// Product returns one product with its review summary.
func (h *Handlers) Product(c echo.Context) error {
	ctx := c.Request().Context()
	slug := c.Param("slug")
	if p, ok := h.cache.Product(slug); ok {
		return c.JSON(http.StatusOK, p)
	}
	p, err := h.store.ProductBySlug(ctx, slug)
	if errors.Is(err, store.ErrNotFound) {
		return echo.NewHTTPError(http.StatusNotFound, "product not found")
	}
	if err != nil {
		return err
	}
	summaries, err := h.reviews.Summaries(ctx, []int64{p.ID})
	if err != nil {
		h.log.Warn("review summary unavailable", "product", p.ID, "err", err)
	}
	body := map[string]any{"product": p, "reviews": summaries[p.ID]}
	h.cache.PutProduct(slug, body)
	return c.JSON(http.StatusOK, body)
}

// CategoryProducts lists a category page with brands and top reviews.
func (h *Handlers) CategoryProducts(c echo.Context) error {
	ctx := c.Request().Context()
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "invalid category id")
	}
	page, _ := strconv.Atoi(c.QueryParam("page"))
	if page < 1 {
		page = 1
	}
	products, err := h.store.Category(ctx, id, 48, (page-1)*48)
	if err != nil {
		return err
	}
	brands, err := h.store.BrandsFor(ctx, products)
	if err != nil {
		return err
	}
	ids := make([]int64, len(products))
	for i, p := range products {
		ids[i] = p.ID
	}
	top, err := h.reviews.TopReview(ctx, ids)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"products": products, "brands": brands, "top_reviews": top})
}

type availability struct {
	InStock   bool      `json:"in_stock"`
	Quantity  int       `json:"quantity"`
	CheckedAt time.Time `json:"checked_at"`
}

// Availability asks the warehouse service for live stock, polling until it answers.
func (h *Handlers) Availability(c echo.Context) error {
	url := fmt.Sprintf("http://warehouse.internal/v1/stock/%s", c.Param("id"))
	var resp *http.Response
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		resp, err = http.Get(url) // expect: sync-api-in-async
		if err == nil && resp.StatusCode != http.StatusServiceUnavailable {
			break
		}
		if resp != nil {
			resp.Body.Close()
		}
		time.Sleep(200 * time.Millisecond) // expect: sync-api-in-async
	}
	if err != nil {
		return echo.NewHTTPError(http.StatusBadGateway, "warehouse unavailable")
	}
	defer resp.Body.Close()
	var a availability
	if err := json.NewDecoder(resp.Body).Decode(&a); err != nil {
		return echo.NewHTTPError(http.StatusBadGateway, "bad warehouse response")
	}
	return c.JSON(http.StatusOK, a)
}

// Categories returns the category tree, built in memory from one query.
func (h *Handlers) Categories(c echo.Context) error {
	cats, err := h.store.Tree(c.Request().Context())
	if err != nil {
		return err
	}
	type node struct {
		store.Category
		Children []*node `json:"children,omitempty"`
	}
	nodes := make(map[int64]*node, len(cats))
	var roots []*node
	for _, cat := range cats {
		nodes[cat.ID] = &node{Category: cat}
	}
	for _, cat := range cats {
		n := nodes[cat.ID]
		if cat.ParentID != nil && nodes[*cat.ParentID] != nil {
			parent := nodes[*cat.ParentID]
			parent.Children = append(parent.Children, n)
		} else {
			roots = append(roots, n)
		}
	}
	return c.JSON(http.StatusOK, roots)
}
