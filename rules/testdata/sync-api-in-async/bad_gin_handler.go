package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func SetupRoutes(r *gin.Engine) {
	r.GET("/weather", func(c *gin.Context) {
		resp, err := http.Get("https://weather.example.com/now?city=" + c.Query("city")) // want "sync-api-in-async: `http.Get` inside HTTP handler"
		if err != nil {
			c.AbortWithStatus(http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		c.Status(http.StatusOK)
	})
}
