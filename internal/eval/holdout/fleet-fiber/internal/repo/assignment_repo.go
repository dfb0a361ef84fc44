//go:build ignore

package repo

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"example.com/fleet/internal/models"
)

// ErrDriverBusy means the driver is already assigned to another vehicle.
var ErrDriverBusy = errors.New("driver already assigned")

// AssignmentRepo pairs drivers with vehicles.
type AssignmentRepo struct {
	db *gorm.DB
}

// NewAssignmentRepo returns an AssignmentRepo.
func NewAssignmentRepo(db *gorm.DB) *AssignmentRepo { return &AssignmentRepo{db: db} }

// Assign puts driverID behind the wheel of vehicleID.
func (r *AssignmentRepo) Assign(ctx context.Context, vehicleID, driverID uint) error {
	tx := r.db.WithContext(ctx).Begin() // expect: missing-release
	if tx.Error != nil {
		return tx.Error
	}

	var busy int64
	if err := tx.Model(&models.Vehicle{}).Where("current_driver_id = ? AND id <> ?", driverID, vehicleID).Count(&busy).Error; err != nil {
		return fmt.Errorf("check driver: %w", err)
	}
	if busy > 0 {
		tx.Rollback()
		return ErrDriverBusy
	}

	var v models.Vehicle
	if err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).First(&v, vehicleID).Error; err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Model(&v).Update("current_driver_id", driverID).Error; err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit().Error
}

// Unassign clears the driver of a vehicle; a single statement needs no transaction.
func (r *AssignmentRepo) Unassign(ctx context.Context, vehicleID uint) error {
	return r.db.WithContext(ctx).Model(&models.Vehicle{}).Where("id = ?", vehicleID).Update("current_driver_id", nil).Error
}
