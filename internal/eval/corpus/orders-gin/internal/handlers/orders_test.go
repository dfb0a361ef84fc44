//go:build ignore

package handlers

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"

	"example.com/orders/internal/models"
)

func setupDB(t *testing.T) *gorm.DB {
	t.Helper()
	db, err := gorm.Open(sqlite.Open("file::memory:"), &gorm.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.AutoMigrate(&models.Customer{}, &models.Order{}, &models.OrderLine{}, &models.Product{}, &models.Shipment{}); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 3; i++ {
		c := models.Customer{Email: "c" + string(rune('0'+i)) + "@example.test", Name: "Customer"}
		db.Create(&c)
		for j := 0; j < 2; j++ {
			db.Create(&models.Order{CustomerID: c.ID, Status: "pending", TotalCents: 1000})
		}
	}
	return db
}

func TestListOrders(t *testing.T) {
	gin.SetMode(gin.TestMode)
	db := setupDB(t)
	r := gin.New()
	RegisterOrders(r.Group("/api/v1"), NewOrders(db, nil, nil))

	w := httptest.NewRecorder()
	r.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/api/v1/orders?limit=10", nil))
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	var body struct {
		Orders []orderView `json:"orders"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
		t.Fatal(err)
	}
	if len(body.Orders) != 6 {
		t.Fatalf("got %d orders, want 6", len(body.Orders))
	}
}
