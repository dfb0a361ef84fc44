package inventory

import (
	"context"

	"gorm.io/gorm"
)

type Item struct {
	ID    uint
	SKU   string
	Stock int
}

type Store struct {
	db *gorm.DB
}

// The pattern from GORM's documentation: a deferred recover that rolls
// back, a check of tx.Error, a rollback on every failing statement.
func (s *Store) Move(from, to string, n int) error {
	tx := s.db.Begin()
	defer func() {
		if r := recover(); r != nil {
			tx.Rollback()
		}
	}()
	if err := tx.Error; err != nil {
		return err
	}
	if err := tx.Exec("UPDATE items SET stock = stock - ? WHERE sku = ?", n, from).Error; err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Exec("UPDATE items SET stock = stock + ? WHERE sku = ?", n, to).Error; err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit().Error
}

// tx.Error set means Begin failed: there is nothing to roll back.
func (s *Store) Adjust(ctx context.Context, sku string, n int) error {
	tx := s.db.WithContext(ctx).Begin()
	if tx.Error != nil {
		return tx.Error
	}
	defer tx.Rollback()
	if err := tx.Exec("UPDATE items SET stock = ? WHERE sku = ?", n, sku).Error; err != nil {
		return err
	}
	return tx.Commit().Error
}

// Managed transactions need no release.
func (s *Store) Bulk(items []Item) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		return tx.CreateInBatches(items, 100).Error
	})
}

// Rows closed by a defer.
func (s *Store) All(ctx context.Context) ([]Item, error) {
	rows, err := s.db.WithContext(ctx).Model(&Item{}).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Item
	for rows.Next() {
		var it Item
		if err := s.db.ScanRows(rows, &it); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// A GORM session is not a transaction.
func (s *Store) Dry() *gorm.DB {
	sess := s.db.Session(&gorm.Session{DryRun: true})
	return sess.Where("stock = 0")
}
