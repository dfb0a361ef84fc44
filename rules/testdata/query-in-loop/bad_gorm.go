package catalog

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"
)

type Product struct {
	ID         uint
	CategoryID uint
	Category   Category
	Tags       []Tag `gorm:"many2many:product_tags"`
}

type Category struct {
	ID   uint
	Name string
}

type Tag struct {
	ID   uint
	Name string
}

type Handler struct {
	DB *gorm.DB
}

func (h *Handler) List(c echo.Context) error {
	var products []Product
	if err := h.DB.Limit(50).Find(&products).Error; err != nil {
		return err
	}
	for i := range products {
		p := &products[i]
		if err := h.DB.Where("id = ?", p.CategoryID).First(&p.Category).Error; err != nil { // want "query-in-loop: h.DB.Where\\(\\).First runs once per iteration of the loop on line 36 \\(N\\+1 queries\\); fetch all rows in one query \\(Where\\(\"id IN \\?\", ids\\).Find\\(&rows\\)\\) or Preload the association"
			return err
		}
		if err := h.DB.Model(p).Association("Tags").Find(&p.Tags); err != nil { // want "h.DB.Model\\(\\).Association\\(\\).Find runs once per iteration of the loop on line 36"
			return err
		}
	}
	return c.JSON(http.StatusOK, products)
}

func (h *Handler) Import(c echo.Context) error {
	var in []Product
	if err := c.Bind(&in); err != nil {
		return err
	}
	return h.DB.Transaction(func(tx *gorm.DB) error {
		for _, p := range in {
			if err := tx.Create(&p).Error; err != nil { // want "tx.Create runs once per iteration .*one write per item.*CreateInBatches"
				return err
			}
		}
		return nil
	})
}
