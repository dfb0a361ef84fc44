package telemetry

import (
	"context"

	"github.com/uptrace/bun"
)

type Point struct {
	VehicleID int64
	Lat, Lon  float64
}

type Store struct {
	db *bun.DB
}

// One multi-row INSERT for the whole slice.
func (s *Store) Save(ctx context.Context, points []Point) error {
	_, err := s.db.NewInsert().Model(&points).Exec(ctx)
	return err
}

// One SELECT for all the IDs.
func (s *Store) Points(ctx context.Context, ids []int64) ([]Point, error) {
	var out []Point
	err := s.db.NewSelect().Model(&out).Where("vehicle_id IN (?)", bun.In(ids)).Scan(ctx)
	return out, err
}

// The loop only adds clauses; the query runs once after it.
func (s *Store) Search(ctx context.Context, filters map[string]any) ([]Point, error) {
	var out []Point
	q := s.db.NewSelect().Model(&out)
	for col, v := range filters {
		q = q.Where("? = ?", bun.Ident(col), v)
	}
	err := q.Scan(ctx)
	return out, err
}
