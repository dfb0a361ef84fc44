//go:build ignore

package models

import (
	"time"

	"github.com/uptrace/bun"
	"gorm.io/gorm"
)

// Vehicle is a fleet vehicle (GORM).
type Vehicle struct {
	ID              uint   `gorm:"primaryKey"`
	FleetID         uint   `gorm:"index"`
	VIN             string `gorm:"uniqueIndex;size:17"`
	Plate           string `gorm:"size:16"`
	Status          string `gorm:"size:16;default:active"`
	OdometerKm      int
	NextServiceKm   int
	TelematicsID    string `gorm:"size:64"`
	CurrentDriverID *uint
	CurrentDriver   *Driver
	UpdatedAt       time.Time
	DeletedAt       gorm.DeletedAt `gorm:"index"`
}

// Driver is a licensed driver (GORM).
type Driver struct {
	ID           uint `gorm:"primaryKey"`
	FleetID      uint `gorm:"index"`
	Name         string
	LicenseClass string
	Phone        string
}

// ServiceTicket is a maintenance work order (GORM).
type ServiceTicket struct {
	ID        uint `gorm:"primaryKey"`
	VehicleID uint `gorm:"index"`
	Reason    string
	DueBy     time.Time
	CreatedAt time.Time
}

// Trip is one journey (bun).
type Trip struct {
	bun.BaseModel `bun:"table:trips,alias:t"`

	ID         int64     `bun:"id,pk,autoincrement"`
	VehicleID  int64     `bun:"vehicle_id"`
	DriverID   int64     `bun:"driver_id"`
	Driver     *Driver   `bun:"rel:belongs-to,join:driver_id=id"`
	StartedAt  time.Time `bun:"started_at"`
	EndedAt    *time.Time
	DistanceKm float64 `bun:"distance_km"`
	Status     string  `bun:"status"`
}

// Point is one GPS fix (bun).
type Point struct {
	bun.BaseModel `bun:"table:points"`

	VehicleID  int64     `bun:"vehicle_id"`
	TripID     int64     `bun:"trip_id"`
	Lat        float64   `bun:"lat"`
	Lon        float64   `bun:"lon"`
	SpeedKmh   float64   `bun:"speed_kmh"`
	RecordedAt time.Time `bun:"recorded_at"`
}

// Geofence is a polygon with an alert rule (bun).
type Geofence struct {
	bun.BaseModel `bun:"table:geofences"`

	ID      int64  `bun:"id,pk"`
	FleetID int64  `bun:"fleet_id"`
	Name    string `bun:"name"`
	WKT     string `bun:"wkt"`
	AlertOn string `bun:"alert_on"`
}
