//go:build ignore

// Package handlers exposes the orders API with gin.
package handlers

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"

	"example.com/orders/internal/models"
	"example.com/orders/internal/services"
)

// Orders serves order endpoints.
type Orders struct {
	db       *gorm.DB
	shipping *services.ShippingClient
	stock    *services.StockCache
}

// NewOrders returns the handler set.
func NewOrders(db *gorm.DB, shipping *services.ShippingClient, stock *services.StockCache) *Orders {
	return &Orders{db: db, shipping: shipping, stock: stock}
}

// RegisterOrders mounts the order routes.
func RegisterOrders(g *gin.RouterGroup, h *Orders) {
	g.GET("/orders", h.List)
	g.GET("/orders/:id", h.Get)
	g.GET("/orders/:id/tracking", h.Tracking)
	g.POST("/orders/:id/cancel", h.Cancel)
	g.GET("/customers/:id/orders", h.ByCustomer)
}

type orderView struct {
	models.Order
	CustomerName string `json:"customer_name"`
	LineCount    int    `json:"line_count"`
}

// List returns recent orders with customer names.
func (h *Orders) List(c *gin.Context) {
	limit, _ := strconv.Atoi(c.DefaultQuery("limit", "50"))
	if limit < 1 || limit > 200 {
		limit = 50
	}
	var orders []models.Order
	if err := h.db.WithContext(c).Order("created_at DESC").Limit(limit).Find(&orders).Error; err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
		return
	}
	views := make([]orderView, 0, len(orders))
	for _, o := range orders {
		var customer models.Customer
		if err := h.db.WithContext(c).First(&customer, o.CustomerID).Error; err != nil && !errors.Is(err, gorm.ErrRecordNotFound) { // expect: query-in-loop
			c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
			return
		}
		var lines int64
		h.db.WithContext(c).Model(&models.OrderLine{}).Where("order_id = ?", o.ID).Count(&lines) // expect: query-in-loop
		views = append(views, orderView{Order: o, CustomerName: customer.Name, LineCount: int(lines)})
	}
	c.JSON(http.StatusOK, gin.H{"orders": views})
}

// Get returns one order with lines, products and shipment preloaded.
func (h *Orders) Get(c *gin.Context) {
	var order models.Order
	err := h.db.WithContext(c).
		Preload("Customer").
		Preload("Lines.Product").
		Preload("Shipment").
		First(&order, c.Param("id")).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		c.JSON(http.StatusNotFound, gin.H{"error": "order not found"})
		return
	}
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
		return
	}
	c.JSON(http.StatusOK, order)
}

// ByCustomer returns a customer's orders with their lines in two queries.
func (h *Orders) ByCustomer(c *gin.Context) {
	var orders []models.Order
	if err := h.db.WithContext(c).Where("customer_id = ?", c.Param("id")).Preload("Lines").Find(&orders).Error; err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"orders": orders})
}

type carrierStatus struct {
	Status    string    `json:"status"`
	Location  string    `json:"location"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Tracking asks the carrier for the live status of a shipment.
func (h *Orders) Tracking(c *gin.Context) {
	var shipment models.Shipment
	if err := h.db.WithContext(c).Where("order_id = ?", c.Param("id")).First(&shipment).Error; err != nil {
		c.JSON(http.StatusNotFound, gin.H{"error": "no shipment"})
		return
	}
	resp, err := http.Get(fmt.Sprintf("https://tracking.carrier.example/v1/%s/%s", shipment.Carrier, shipment.TrackingNo)) // expect: sync-api-in-async
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "carrier unavailable"})
		return
	}
	defer resp.Body.Close()
	var st carrierStatus
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "bad carrier response"})
		return
	}
	c.JSON(http.StatusOK, st)
}

// Cancel cancels an order if it has not shipped, waiting for the carrier to confirm.
func (h *Orders) Cancel(c *gin.Context) {
	var order models.Order
	if err := h.db.WithContext(c).Preload("Shipment").First(&order, c.Param("id")).Error; err != nil {
		c.JSON(http.StatusNotFound, gin.H{"error": "order not found"})
		return
	}
	if order.Shipment != nil {
		if err := h.shipping.CancelLabel(c, order.Shipment.TrackingNo); err != nil {
			c.JSON(http.StatusConflict, gin.H{"error": "shipment could not be cancelled"})
			return
		}
		// The carrier API is eventually consistent; give it time before we re-read.
		time.Sleep(750 * time.Millisecond) // expect: sync-api-in-async
	}
	if err := h.db.WithContext(c).Model(&order).Update("status", "cancelled").Error; err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
		return
	}
	c.Status(http.StatusNoContent)
}
