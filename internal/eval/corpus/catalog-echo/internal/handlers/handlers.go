//go:build ignore

// Package handlers exposes the catalog API with echo.
package handlers

import (
	"log/slog"

	"github.com/labstack/echo/v4"

	"example.com/catalog/internal/cache"
	"example.com/catalog/internal/reviews"
	"example.com/catalog/internal/search"
	"example.com/catalog/internal/store"
)

// Handlers holds the API's dependencies.
type Handlers struct {
	store   *store.Store
	reviews *reviews.Repo
	cache   *cache.Layers
	search  *search.Client
	log     *slog.Logger
}

// New returns the handler set.
func New(st *store.Store, rv *reviews.Repo, c *cache.Layers, sc *search.Client, log *slog.Logger) *Handlers {
	return &Handlers{store: st, reviews: rv, cache: c, search: sc, log: log}
}

// Register mounts the routes.
func (h *Handlers) Register(e *echo.Echo) {
	g := e.Group("/v1")
	g.GET("/products/:slug", h.Product)
	g.GET("/categories/:id/products", h.CategoryProducts)
	g.GET("/search", h.Search)
	g.GET("/suggest", h.Suggest)
	g.POST("/products/:id/image", h.ImportImage)
	g.GET("/products/:id/availability", h.Availability)
	g.GET("/categories", h.Categories)
}
