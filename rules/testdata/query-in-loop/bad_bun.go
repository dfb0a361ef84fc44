package telemetry

import (
	"context"

	"github.com/uptrace/bun"
)

type Point struct {
	VehicleID int64
	Lat, Lon  float64
}

type Fence struct {
	ID   int64
	Name string
}

type Store struct {
	db *bun.DB
}

// One lookup per point.
func (s *Store) FencesFor(ctx context.Context, points []Point) ([]Fence, error) {
	out := make([]Fence, 0, len(points))
	for _, p := range points {
		var f Fence
		if err := s.db.NewSelect().Model(&f).Where("ST_Contains(geom, ST_MakePoint(?, ?))", p.Lon, p.Lat).Limit(1).Scan(ctx); err != nil { // want "query-in-loop: s.db.NewSelect\\(\\).Model\\(\\).Where\\(\\).Limit\\(\\).Scan runs once per iteration of the loop on line 26 \\(N\\+1 queries\\); fetch all rows in one query"
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// One INSERT per row, inside a transaction.
func Save(ctx context.Context, tx bun.Tx, points []Point) error {
	for i := range points {
		if _, err := tx.NewInsert().Model(&points[i]).Exec(ctx); err != nil { // want "tx.NewInsert\\(\\).Model\\(\\).Exec runs once per iteration of the loop on line 38 \\(one write per item\\)"
			return err
		}
	}
	return nil
}
