package inventory

import (
	"context"
	"errors"

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

// Reserve begins a GORM transaction (one return value, no error) and
// returns early on a short stock without rolling it back.
func (s *Store) Reserve(ctx context.Context, sku string, n int) error {
	tx := s.db.WithContext(ctx).Begin() // want "missing-release: tx from s.db.WithContext\\(ctx\\).Begin is not rolled back on the return at line 30"
	var it Item
	if err := tx.Where("sku = ?", sku).First(&it).Error; err != nil {
		tx.Rollback()
		return err
	}
	if it.Stock < n {
		return errors.New("not enough stock")
	}
	if err := tx.Model(&it).Update("stock", it.Stock-n).Error; err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit().Error
}

// LowStock iterates GORM's .Rows() and closes them only at the end.
func (s *Store) LowStock(ctx context.Context, below int, visit func(Item) error) error {
	q := s.db.WithContext(ctx).Model(&Item{}).Where("stock < ?", below).Order("stock")
	rows, err := q.Rows() // want "missing-release: rows from q.Rows is not closed on the return at line 49"
	if err != nil {
		return err
	}
	for rows.Next() {
		var it Item
		if err := s.db.ScanRows(rows, &it); err != nil {
			return err
		}
		if err := visit(it); err != nil {
			return err
		}
	}
	rows.Close()
	return nil
}

// Restock never commits or rolls back.
func (s *Store) Restock(sku string, n int) {
	tx := s.db.Begin() // want "missing-release: tx from s.db.Begin is never rolled back"
	tx.Exec("UPDATE items SET stock = stock + ? WHERE sku = ?", n, sku)
}
