//go:build ignore

package services

import (
	"context"
	"encoding/csv"
	"io"
	"strconv"
	"time"

	"gorm.io/gorm"

	"example.com/orders/internal/models"
)

// Reports builds CSV exports from the orders database.
type Reports struct {
	DB *gorm.DB
}

// WriteOrdersCSV streams orders created in [from, to) as CSV.
func (r *Reports) WriteOrdersCSV(ctx context.Context, w io.Writer, from, to time.Time) error {
	rows, err := r.DB.WithContext(ctx).Model(&models.Order{}).
		Where("created_at >= ? AND created_at < ?", from, to).
		Order("id").Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"id", "customer_id", "status", "total_cents", "created_at"})
	for rows.Next() {
		var o models.Order
		if err := r.DB.ScanRows(rows, &o); err != nil {
			return err
		}
		_ = cw.Write([]string{strconv.Itoa(int(o.ID)), strconv.Itoa(int(o.CustomerID)), o.Status,
			strconv.FormatInt(o.TotalCents, 10), o.CreatedAt.Format(time.RFC3339)})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return rows.Err()
}

// WriteTopProductsCSV writes the best-selling products of a period.
func (r *Reports) WriteTopProductsCSV(ctx context.Context, w io.Writer, since time.Time, limit int) error {
	q := r.DB.WithContext(ctx).Table("order_lines l").
		Select("l.product_id, p.name, SUM(l.quantity) AS units").
		Joins("JOIN products p ON p.id = l.product_id").
		Joins("JOIN orders o ON o.id = l.order_id").
		Where("o.created_at >= ?", since).
		Group("l.product_id, p.name").
		Order("units DESC").
		Limit(limit)
	rows, err := q.Rows() // expect: missing-release
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	for rows.Next() {
		var id, units int64
		var name string
		if err := rows.Scan(&id, &name, &units); err != nil {
			return err
		}
		if err := cw.Write([]string{strconv.FormatInt(id, 10), name, strconv.FormatInt(units, 10)}); err != nil {
			return err
		}
	}
	cw.Flush()
	rows.Close()
	return cw.Error()
}
