//go:build ignore

package store

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type Location struct {
	ID       int64  `db:"id" json:"id"`
	Code     string `db:"code" json:"code"`
	Zone     string `db:"zone" json:"zone"`
	ParentID *int64 `db:"parent_id" json:"parentId,omitempty"`
}

func (s *Store) location(ctx context.Context, id int64) (Location, error) {
	var loc Location
	err := s.db.GetContext(ctx, &loc, `SELECT id, code, zone, parent_id FROM locations WHERE id = $1`, id)
	return loc, err
}

type PickLine struct {
	SKU      string `json:"sku"`
	Qty      int    `json:"qty"`
	Location string `json:"location"`
	Zone     string `json:"zone"`
}

// PickList turns reserved stock for an order into pick lines sorted by walking order.
func (s *Store) PickList(ctx context.Context, orderID int64) ([]PickLine, error) {
	var res []struct {
		SKU        string `db:"sku"`
		Qty        int    `db:"qty"`
		LocationID int64  `db:"location_id"`
	}
	if err := s.db.SelectContext(ctx, &res, `
		SELECT i.sku, r.qty, r.location_id
		  FROM reservations r JOIN items i ON i.id = r.item_id
		 WHERE r.order_id = $1`, orderID); err != nil {
		return nil, err
	}

	lines := make([]PickLine, 0, len(res))
	for _, r := range res {
		loc, err := s.location(ctx, r.LocationID) // expect: query-in-loop
		if err != nil {
			return nil, err
		}
		lines = append(lines, PickLine{SKU: r.SKU, Qty: r.Qty, Location: loc.Code, Zone: loc.Zone})
	}
	return lines, nil
}

// Locations loads many locations in one round trip.
func (s *Store) Locations(ctx context.Context, ids []int64) (map[int64]Location, error) {
	if len(ids) == 0 {
		return map[int64]Location{}, nil
	}
	q, args, err := sqlx.In(`SELECT id, code, zone, parent_id FROM locations WHERE id IN (?)`, ids)
	if err != nil {
		return nil, err
	}
	var locs []Location
	if err := s.db.SelectContext(ctx, &locs, s.db.Rebind(q), args...); err != nil {
		return nil, err
	}
	out := make(map[int64]Location, len(locs))
	for _, l := range locs {
		out[l.ID] = l
	}
	return out, nil
}

// Zones returns location codes for each of the warehouse's fixed zones.
func (s *Store) Zones(ctx context.Context) (map[string][]string, error) {
	out := map[string][]string{}
	for _, zone := range []string{"ambient", "chilled", "frozen"} {
		var codes []string
		if err := s.db.SelectContext(ctx, &codes, `SELECT code FROM locations WHERE zone = $1 ORDER BY code`, zone); err != nil {
			return nil, err
		}
		out[zone] = codes
	}
	return out, nil
}
