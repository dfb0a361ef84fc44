//go:build ignore

// Package db opens the orders database with GORM.
package db

import (
	"time"

	"gorm.io/driver/mysql"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"example.com/orders/internal/models"
)

// Open connects and runs auto-migration for the order tables.
func Open(dsn string) (*gorm.DB, error) {
	gdb, err := gorm.Open(mysql.Open(dsn), &gorm.Config{
		Logger:                 logger.Default.LogMode(logger.Warn),
		SkipDefaultTransaction: true,
		PrepareStmt:            true,
	})
	if err != nil {
		return nil, err
	}
	sqlDB, err := gdb.DB()
	if err != nil {
		return nil, err
	}
	sqlDB.SetMaxOpenConns(30)
	sqlDB.SetMaxIdleConns(10)
	sqlDB.SetConnMaxLifetime(time.Hour)
	if err := gdb.AutoMigrate(&models.Customer{}, &models.Product{}, &models.Order{}, &models.OrderLine{}, &models.Shipment{}); err != nil {
		return nil, err
	}
	return gdb, nil
}
