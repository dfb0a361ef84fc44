package handlers

import (
	"context"

	"example.com/fleet/internal/models"
)

// Handlers' fields (db *gorm.DB) are declared in another file of the
// package; this file imports neither GORM nor a driver.

func (h *Handlers) Retire(ctx context.Context, ids []uint) error {
	db := h.db.WithContext(ctx)
	for _, id := range ids {
		if err := db.Model(&models.Vehicle{}).Where("id = ?", id).Update("status", "retired").Error; err != nil { // want "query-in-loop: db.Model\\(\\).Where\\(\\).Update runs once per iteration of the loop on line 14 \\(one write per item\\)"
			return err
		}
	}
	return nil
}

func (h *Handlers) Names(ids []uint) ([]string, error) {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		var v models.Vehicle
		if err := h.db.Where("id = ?", id).First(&v).Error; err != nil { // want "h.db.Where\\(\\).First runs once per iteration of the loop on line 24 \\(N\\+1 queries\\)"
			return nil, err
		}
		out = append(out, v.Name)
	}
	return out, nil
}
