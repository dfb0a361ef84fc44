//go:build ignore

package handlers

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/labstack/echo/v4"
)

type importImageRequest struct {
	URL string `json:"url"`
}

const maxImageBytes = 8 << 20

// ImportImage downloads a supplier image and stores it on the media volume.
func (h *Handlers) ImportImage(c echo.Context) error {
	var req importImageRequest
	if err := c.Bind(&req); err != nil || !strings.HasPrefix(req.URL, "https://") {
		return echo.NewHTTPError(http.StatusBadRequest, "an https url is required")
	}
	head, err := http.Head(req.URL) // expect: sync-api-in-async, missing-release
	if err != nil {
		return echo.NewHTTPError(http.StatusBadGateway, "image host unreachable")
	}
	if head.ContentLength > maxImageBytes || !strings.HasPrefix(head.Header.Get("Content-Type"), "image/") {
		return echo.NewHTTPError(http.StatusUnprocessableEntity, "not an image or too large")
	}

	getReq, err := http.NewRequestWithContext(c.Request().Context(), http.MethodGet, req.URL, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(getReq)
	if err != nil {
		return echo.NewHTTPError(http.StatusBadGateway, "download failed")
	}
	defer resp.Body.Close()

	name := fmt.Sprintf("%s%s", c.Param("id"), filepath.Ext(req.URL))
	f, err := os.Create(filepath.Join("/srv/media/products", filepath.Base(name)))
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := io.Copy(f, io.LimitReader(resp.Body, maxImageBytes)); err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, map[string]string{"file": filepath.Base(name)})
}
