package api

import (
	"context"

	"github.com/acme/shop/internal/db"
)

type OrderService struct {
	q *db.Queries
}

func (s *OrderService) WithCustomers(ctx context.Context, orders []db.Order) ([]db.Customer, error) {
	out := make([]db.Customer, 0, len(orders))
	for _, o := range orders {
		c, err := s.q.GetCustomer(ctx, o.CustomerID) // want "query-in-loop: s.q.GetCustomer runs once per iteration of the loop on line 15 \\(N\\+1 queries\\); add a query that takes every ID at once"
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}
