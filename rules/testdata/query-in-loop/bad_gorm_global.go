package controllers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/acme/shop/database"
	"github.com/acme/shop/models"
)

// database.DB is a *gorm.DB declared in another package.
func ListOrders(c *gin.Context) {
	var orders []models.Order
	database.DB.Where("user_id = ?", c.GetUint("uid")).Find(&orders)
	for i := range orders {
		database.DB.Where("order_id = ?", orders[i].ID).Find(&orders[i].Items) // want "query-in-loop: database.DB.Where\\(\\).Find runs once per iteration of the loop on line 16 .*Preload the association"
		var user models.User
		database.DB.First(&user, orders[i].UserID) // want "database.DB.First runs once per iteration of the loop on line 16"
		orders[i].UserName = user.Name
	}
	c.JSON(http.StatusOK, orders)
}

func ListOrdersPreloaded(c *gin.Context) {
	var orders []models.Order
	database.DB.Preload("Items").Preload("User").Where("user_id = ?", c.GetUint("uid")).Find(&orders)
	for i := range orders {
		orders[i].UserName = orders[i].User.Name
		c.Header("X-Order", orders[i].Ref)
	}
	c.JSON(http.StatusOK, orders)
}
