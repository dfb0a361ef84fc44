//go:build ignore

package handlers

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"
)

var probeClient = &http.Client{Timeout: 2 * time.Second}

// Health reports database and upstream reachability.
func Health(db *gorm.DB, shippingURL string) gin.HandlerFunc {
	return func(c *gin.Context) {
		ctx, cancel := context.WithTimeout(c.Request.Context(), 2*time.Second)
		defer cancel()
		status := gin.H{"db": "ok", "shipping": "ok"}
		code := http.StatusOK
		if sqlDB, err := db.DB(); err != nil || sqlDB.PingContext(ctx) != nil {
			status["db"] = "down"
			code = http.StatusServiceUnavailable
		}
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, shippingURL+"/healthz", nil)
		if resp, err := probeClient.Do(req); err != nil {
			status["shipping"] = "down"
		} else {
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				status["shipping"] = resp.Status
			}
		}
		c.JSON(code, status)
	}
}
