package web

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

func Register(e *echo.Echo) {
	e.POST("/orders", createOrder)
}

func createOrder(c echo.Context) error {
	resp, err := http.Post("https://payments.example.com/charge", "application/json", c.Request().Body) // want "sync-api-in-async: `http.Post` inside HTTP handler `createOrder`"
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	time.Sleep(500 * time.Millisecond) // want "sync-api-in-async: `time.Sleep` inside HTTP handler `createOrder`"
	return c.NoContent(http.StatusCreated)
}
