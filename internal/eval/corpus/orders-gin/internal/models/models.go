//go:build ignore

// Package models holds the GORM models of the orders service.
package models

import (
	"time"

	"gorm.io/gorm"
)

// Customer places orders.
type Customer struct {
	ID        uint   `gorm:"primaryKey"`
	Email     string `gorm:"uniqueIndex;size:255"`
	Name      string `gorm:"size:200"`
	Country   string `gorm:"size:2"`
	CreatedAt time.Time
}

// Product is a sellable item.
type Product struct {
	ID         uint   `gorm:"primaryKey"`
	SKU        string `gorm:"uniqueIndex;size:64"`
	Name       string `gorm:"size:200"`
	PriceCents int64
	Category   string `gorm:"index;size:64"`
	Active     bool   `gorm:"index"`
	UpdatedAt  time.Time
}

// Order is a customer order.
type Order struct {
	ID         uint `gorm:"primaryKey"`
	CustomerID uint `gorm:"index"`
	Customer   Customer
	Status     string `gorm:"index;size:16"`
	TotalCents int64
	Lines      []OrderLine
	Shipment   *Shipment
	CreatedAt  time.Time
	UpdatedAt  time.Time
	DeletedAt  gorm.DeletedAt `gorm:"index"`
}

// OrderLine is one product on an order.
type OrderLine struct {
	ID         uint `gorm:"primaryKey"`
	OrderID    uint `gorm:"index"`
	ProductID  uint
	Product    Product
	Quantity   int
	PriceCents int64
}

// Shipment tracks delivery of an order.
type Shipment struct {
	ID          uint `gorm:"primaryKey"`
	OrderID     uint `gorm:"uniqueIndex"`
	Carrier     string
	TrackingNo  string
	Status      string
	LastChecked time.Time
}
