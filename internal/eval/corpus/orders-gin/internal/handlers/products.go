//go:build ignore

package handlers

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	gocache "github.com/patrickmn/go-cache"
	"github.com/redis/go-redis/v9"
	"gorm.io/gorm"

	"example.com/orders/internal/models"
)

// categoryCounts caches product counts per category for the storefront menu.
var categoryCounts = gocache.New(2*time.Minute, 5*time.Minute)

// skuIndex caches SKU -> product id lookups.
var skuIndex = gocache.New(gocache.NoExpiration, gocache.NoExpiration) // expect: cache-without-ttl

// Products serves product endpoints.
type Products struct {
	db  *gorm.DB
	rdb *redis.Client
}

// NewProducts returns the handler set.
func NewProducts(db *gorm.DB, rdb *redis.Client) *Products { return &Products{db: db, rdb: rdb} }

// RegisterProducts mounts the product routes.
func RegisterProducts(g *gin.RouterGroup, h *Products) {
	g.GET("/products", h.Search)
	g.GET("/products/by-sku/:sku", h.BySKU)
	g.GET("/products/batch", h.Batch)
	g.GET("/categories/:name/count", h.CategoryCount)
}

// Search filters products; each filter adds a clause to one query.
func (h *Products) Search(c *gin.Context) {
	q := h.db.WithContext(c).Model(&models.Product{}).Where("active = ?", true)
	for _, field := range []string{"category", "sku"} {
		if v := c.Query(field); v != "" {
			q = q.Where(field+" = ?", v)
		}
	}
	for _, term := range strings.Fields(c.Query("q")) {
		q = q.Where("name LIKE ?", "%"+term+"%")
	}
	var products []models.Product
	if err := q.Order("updated_at DESC").Limit(100).Find(&products).Error; err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"products": products})
}

// BySKU resolves a product by SKU, caching the id mapping and the product body.
func (h *Products) BySKU(c *gin.Context) {
	sku := c.Param("sku")
	var product models.Product
	if id, ok := skuIndex.Get(sku); ok {
		if b, err := h.rdb.Get(c, "orders:product:"+sku).Bytes(); err == nil && json.Unmarshal(b, &product) == nil {
			c.JSON(http.StatusOK, product)
			return
		}
		if err := h.db.WithContext(c).First(&product, id).Error; err == nil {
			c.JSON(http.StatusOK, product)
			return
		}
	}
	if err := h.db.WithContext(c).Where("sku = ?", sku).First(&product).Error; err != nil {
		c.JSON(http.StatusNotFound, gin.H{"error": "product not found"})
		return
	}
	skuIndex.Set(sku, product.ID, gocache.DefaultExpiration)
	b, _ := json.Marshal(product)
	h.rdb.Set(c, "orders:product:"+sku, b, 0) // expect: cache-without-ttl
	c.JSON(http.StatusOK, product)
}

// Batch loads many products by id in one query.
func (h *Products) Batch(c *gin.Context) {
	ids := strings.Split(c.Query("ids"), ",")
	if len(ids) > 100 {
		c.JSON(http.StatusBadRequest, gin.H{"error": "at most 100 ids"})
		return
	}
	var products []models.Product
	if err := h.db.WithContext(c).Where("id IN ?", ids).Find(&products).Error; err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"products": products})
}

// CategoryCount returns the number of active products in a category.
func (h *Products) CategoryCount(c *gin.Context) {
	name := c.Param("name")
	if n, ok := categoryCounts.Get(name); ok {
		c.JSON(http.StatusOK, gin.H{"count": n})
		return
	}
	var n int64
	if err := h.db.WithContext(c).Model(&models.Product{}).Where("category = ? AND active", name).Count(&n).Error; err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
		return
	}
	categoryCounts.SetDefault(name, n)
	c.JSON(http.StatusOK, gin.H{"count": n})
}
