//go:build ignore

package handlers

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"example.com/orders/internal/models"
	"example.com/orders/internal/services"
)

// Checkout turns carts into orders.
type Checkout struct {
	db    *gorm.DB
	stock *services.StockCache
}

// NewCheckout returns the handler set.
func NewCheckout(db *gorm.DB, stock *services.StockCache) *Checkout {
	return &Checkout{db: db, stock: stock}
}

// RegisterCheckout mounts the checkout routes.
func RegisterCheckout(g *gin.RouterGroup, h *Checkout) {
	g.POST("/checkout", h.Place)
	g.POST("/orders/import", h.Import)
	g.POST("/orders/:id/lines", h.AddLines)
}

type cartLine struct {
	ProductID uint `json:"product_id" binding:"required"`
	Quantity  int  `json:"quantity" binding:"required,min=1,max=100"`
}

type placeRequest struct {
	CustomerID uint       `json:"customer_id" binding:"required"`
	Lines      []cartLine `json:"lines" binding:"required,min=1,max=50,dive"`
}

var errUnknownProduct = errors.New("unknown product")

// Place creates an order inside one managed transaction.
func (h *Checkout) Place(c *gin.Context) {
	var req placeRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	ids := make([]uint, len(req.Lines))
	for i, l := range req.Lines {
		ids[i] = l.ProductID
	}
	var order models.Order
	err := h.db.WithContext(c).Transaction(func(tx *gorm.DB) error {
		var products []models.Product
		if err := tx.Clauses(clause.Locking{Strength: "SHARE"}).Where("id IN ? AND active", ids).Find(&products).Error; err != nil {
			return err
		}
		price := make(map[uint]int64, len(products))
		for _, p := range products {
			price[p.ID] = p.PriceCents
		}
		order = models.Order{CustomerID: req.CustomerID, Status: "pending"}
		for _, l := range req.Lines {
			p, ok := price[l.ProductID]
			if !ok {
				return fmt.Errorf("%w: %d", errUnknownProduct, l.ProductID)
			}
			order.Lines = append(order.Lines, models.OrderLine{ProductID: l.ProductID, Quantity: l.Quantity, PriceCents: p})
			order.TotalCents += p * int64(l.Quantity)
		}
		return tx.Create(&order).Error
	})
	if errors.Is(err, errUnknownProduct) {
		c.JSON(http.StatusUnprocessableEntity, gin.H{"error": err.Error()})
		return
	}
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
		return
	}
	c.JSON(http.StatusCreated, gin.H{"id": order.ID, "total_cents": order.TotalCents})
}

// Import loads historic orders from the legacy system in batches of 200.
func (h *Checkout) Import(c *gin.Context) {
	var orders []models.Order
	if err := c.ShouldBindJSON(&orders); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	if err := h.db.WithContext(c).CreateInBatches(orders, 200).Error; err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "import failed"})
		return
	}
	c.JSON(http.StatusCreated, gin.H{"imported": len(orders)})
}

// AddLines appends lines to a pending order.
func (h *Checkout) AddLines(c *gin.Context) {
	var lines []cartLine
	if err := c.ShouldBindJSON(&lines); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	tx := h.db.WithContext(c).Begin() // expect: missing-release
	var order models.Order
	if err := tx.Where("id = ? AND status = ?", c.Param("id"), "pending").First(&order).Error; err != nil {
		c.JSON(http.StatusNotFound, gin.H{"error": "pending order not found"})
		return
	}
	for _, l := range lines {
		var product models.Product
		if err := tx.First(&product, l.ProductID).Error; err != nil { // expect: query-in-loop
			tx.Rollback()
			c.JSON(http.StatusUnprocessableEntity, gin.H{"error": "unknown product"})
			return
		}
		line := models.OrderLine{OrderID: order.ID, ProductID: product.ID, Quantity: l.Quantity, PriceCents: product.PriceCents}
		if err := tx.Create(&line).Error; err != nil { // expect: query-in-loop
			tx.Rollback()
			c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
			return
		}
		order.TotalCents += product.PriceCents * int64(l.Quantity)
	}
	if err := tx.Model(&order).Update("total_cents", order.TotalCents).Error; err != nil {
		tx.Rollback()
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
		return
	}
	tx.Commit()
	h.stock.Invalidate(c, order.ID)
	c.JSON(http.StatusOK, gin.H{"total_cents": order.TotalCents})
}
