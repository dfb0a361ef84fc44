//go:build ignore

package handlers

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"example.com/catalog/internal/store"
)

// ErrorHandler maps domain errors to HTTP responses and hides internals.
func ErrorHandler(log interface{ Error(string, ...any) }) echo.HTTPErrorHandler {
	return func(err error, c echo.Context) {
		if c.Response().Committed {
			return
		}
		var he *echo.HTTPError
		switch {
		case errors.As(err, &he):
			_ = c.JSON(he.Code, map[string]any{"error": he.Message})
		case errors.Is(err, store.ErrNotFound):
			_ = c.JSON(http.StatusNotFound, map[string]string{"error": "not found"})
		default:
			log.Error("unhandled error", "path", c.Path(), "err", err)
			_ = c.JSON(http.StatusInternalServerError, map[string]string{"error": "internal error"})
		}
	}
}
