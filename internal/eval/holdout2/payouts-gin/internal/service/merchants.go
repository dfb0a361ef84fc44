//go:build ignore

package service

import (
	"context"

	"example.com/payouts/ent"
	"example.com/payouts/ent/merchant"
	"example.com/payouts/ent/payout"
)

type Merchants struct {
	client *ent.Client
}

func NewMerchants(client *ent.Client) *Merchants { return &Merchants{client: client} }

type MerchantOverview struct {
	ID             int    `json:"id"`
	Name           string `json:"name"`
	PendingPayouts int    `json:"pendingPayouts"`
	LastPayoutID   int    `json:"lastPayoutId,omitempty"`
}

// Overview powers the operations dashboard: every active merchant with pending payouts.
func (m *Merchants) Overview(ctx context.Context) ([]MerchantOverview, error) {
	merchants, err := m.client.Merchant.Query().
		Where(merchant.StatusEQ(merchant.StatusActive)).
		Order(ent.Asc(merchant.FieldName)).
		All(ctx)
	if err != nil {
		return nil, err
	}

	out := make([]MerchantOverview, 0, len(merchants))
	for _, mc := range merchants {
		pending, err := m.client.Payout.Query().Where(payout.MerchantID(mc.ID), payout.StatusEQ(payout.StatusPending)).Count(ctx) // expect: query-in-loop
		if err != nil {
			return nil, err
		}
		out = append(out, MerchantOverview{ID: mc.ID, Name: mc.Name, PendingPayouts: pending})
	}
	return out, nil
}

// WithRecentPayouts eager-loads the last five payouts of each merchant in one extra query.
func (m *Merchants) WithRecentPayouts(ctx context.Context, ids []int) ([]MerchantOverview, error) {
	merchants, err := m.client.Merchant.Query().
		Where(merchant.IDIn(ids...)).
		WithPayouts(func(q *ent.PayoutQuery) {
			q.Order(ent.Desc(payout.FieldCreatedAt)).Limit(5)
		}).
		All(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]MerchantOverview, 0, len(merchants))
	for _, mc := range merchants {
		o := MerchantOverview{ID: mc.ID, Name: mc.Name}
		for _, p := range mc.Edges.Payouts {
			if p.Status == payout.StatusPending {
				o.PendingPayouts++
			}
		}
		if len(mc.Edges.Payouts) > 0 {
			o.LastPayoutID = mc.Edges.Payouts[0].ID
		}
		out = append(out, o)
	}
	return out, nil
}

// Search builds the filter step by step; the query runs once at the end.
func (m *Merchants) Search(ctx context.Context, filters map[string]string) ([]*ent.Merchant, error) {
	q := m.client.Merchant.Query()
	for k, v := range filters {
		switch k {
		case "country":
			q = q.Where(merchant.Country(v))
		case "status":
			q = q.Where(merchant.StatusEQ(merchant.Status(v)))
		case "name":
			q = q.Where(merchant.NameContainsFold(v))
		}
	}
	return q.Limit(100).All(ctx)
}
