//go:build ignore

package repo

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"example.com/fleet/internal/models"
)

// VehicleRepo wraps GORM access to vehicles.
type VehicleRepo struct {
	db *gorm.DB
}

// NewVehicleRepo returns a VehicleRepo.
func NewVehicleRepo(db *gorm.DB) *VehicleRepo { return &VehicleRepo{db: db} }

// Filter narrows Search.
type Filter struct {
	Fleet    uint
	Statuses []string
	Plates   []string
	MinKm    *int
}

// Search builds one query from the filter; the loop only adds clauses.
func (r *VehicleRepo) Search(ctx context.Context, f Filter) ([]models.Vehicle, error) {
	q := r.db.WithContext(ctx).Model(&models.Vehicle{}).Where("fleet_id = ?", f.Fleet)
	if len(f.Statuses) > 0 {
		q = q.Where("status IN ?", f.Statuses)
	}
	if len(f.Plates) > 0 {
		ors := r.db.Where("1 = 0")
		for _, p := range f.Plates {
			ors = ors.Or("plate ILIKE ?", strings.ToUpper(p)+"%")
		}
		q = q.Where(ors)
	}
	if f.MinKm != nil {
		q = q.Where("odometer_km >= ?", *f.MinKm)
	}
	var out []models.Vehicle
	return out, q.Order("plate").Find(&out).Error
}

// ByIDs loads vehicles in one statement.
func (r *VehicleRepo) ByIDs(ctx context.Context, ids []uint) (map[uint]models.Vehicle, error) {
	var vs []models.Vehicle
	if err := r.db.WithContext(ctx).Where("id IN ?", ids).Find(&vs).Error; err != nil {
		return nil, err
	}
	out := make(map[uint]models.Vehicle, len(vs))
	for _, v := range vs {
		out[v.ID] = v
	}
	return out, nil
}

// Import upserts vehicles from the onboarding spreadsheet, 200 rows per statement.
func (r *VehicleRepo) Import(ctx context.Context, vs []models.Vehicle) error {
	return r.db.WithContext(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "vin"}},
		DoUpdates: clause.AssignmentColumns([]string{"plate", "status", "odometer_km"}),
	}).CreateInBatches(vs, 200).Error
}

// UpdateOdometers applies many odometer readings in one transaction of one statement.
func (r *VehicleRepo) UpdateOdometers(ctx context.Context, readings map[uint]int) error {
	if len(readings) == 0 {
		return nil
	}
	var sb strings.Builder
	args := make([]any, 0, len(readings)*2)
	sb.WriteString("UPDATE vehicles AS v SET odometer_km = r.km FROM (VALUES ")
	i := 0
	for id, km := range readings {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString("(?::bigint, ?::int)")
		args = append(args, id, km)
		i++
	}
	sb.WriteString(") AS r(id, km) WHERE v.id = r.id AND r.km > v.odometer_km")
	return r.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Exec(sb.String(), args...)
		if res.Error != nil {
			return fmt.Errorf("update odometers: %w", res.Error)
		}
		return nil
	})
}

// DueForService lists vehicles within 500 km of their next service, with drivers preloaded.
func (r *VehicleRepo) DueForService(ctx context.Context) ([]models.Vehicle, error) {
	var vs []models.Vehicle
	err := r.db.WithContext(ctx).Preload("CurrentDriver").
		Where("status = ? AND next_service_km - odometer_km < ?", "active", 500).
		Find(&vs).Error
	return vs, err
}
