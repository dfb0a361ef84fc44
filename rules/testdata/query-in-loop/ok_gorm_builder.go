package catalog

import (
	"gorm.io/gorm"
)

type Filter struct {
	Field string
	Value string
}

type Item struct {
	ID   uint
	Name string
}

// The loop only adds conditions; Find runs once after it.
func Search(db *gorm.DB, filters []Filter) ([]Item, error) {
	query := db.Model(&Item{})
	for _, f := range filters {
		query = query.Where(f.Field+" = ?", f.Value)
	}
	var out []Item
	err := query.Find(&out).Error
	return out, err
}

func ByIDs(db *gorm.DB, ids []uint) ([]Item, error) {
	var out []Item
	err := db.Where("id IN ?", ids).Preload("Tags").Find(&out).Error
	return out, err
}

func Import(db *gorm.DB, items []Item) error {
	return db.CreateInBatches(items, 500).Error
}

func ImportChunks(db *gorm.DB, chunks [][]Item) error {
	for _, chunk := range chunks {
		if err := db.Create(&chunk).Error; err != nil {
			return err
		}
	}
	return nil
}
