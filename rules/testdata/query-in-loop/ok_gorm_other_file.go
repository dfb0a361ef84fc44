package handlers

import (
	"context"

	"example.com/fleet/internal/models"
)

// One UPDATE for all the IDs.
func (h *Handlers) Retire(ctx context.Context, ids []uint) error {
	return h.db.WithContext(ctx).Model(&models.Vehicle{}).Where("id IN ?", ids).Update("status", "retired").Error
}

// Look-alikes: an in-memory index with Where/First methods, and a builder
// that is only configured in the loop.
func (h *Handlers) Filter(rows []models.Vehicle, names []string) []models.Vehicle {
	var out []models.Vehicle
	for _, n := range names {
		var v models.Vehicle
		if h.index.Where("name = ?", n).First(&v) {
			out = append(out, v)
		}
	}
	return out
}

func (h *Handlers) Search(filters map[string]any) ([]models.Vehicle, error) {
	q := h.db.Model(&models.Vehicle{})
	for col, v := range filters {
		q = q.Where(col+" = ?", v)
	}
	var out []models.Vehicle
	return out, q.Find(&out).Error
}
