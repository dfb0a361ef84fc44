//go:build ignore

package store

import (
	"errors"
	"time"

	"github.com/jmoiron/sqlx"
)

var ErrNotFound = errors.New("not found")

type Item struct {
	ID        int64     `db:"id" json:"id"`
	SKU       string    `db:"sku" json:"sku"`
	Name      string    `db:"name" json:"name"`
	Unit      string    `db:"unit" json:"unit"`
	ReorderAt int       `db:"reorder_at" json:"reorderAt"`
	UpdatedAt time.Time `db:"updated_at" json:"updatedAt"`
}

type StockLevel struct {
	ItemID     int64 `db:"item_id" json:"itemId"`
	LocationID int64 `db:"location_id" json:"locationId"`
	OnHand     int   `db:"on_hand" json:"onHand"`
	Reserved   int   `db:"reserved" json:"reserved"`
}

type Store struct {
	db *sqlx.DB
}

func New(db *sqlx.DB) *Store {
	return &Store{db: db}
}
