//go:build ignore

package service

import (
	"context"
	"time"

	"example.com/payouts/ent"
	"example.com/payouts/ent/chargeback"
	"example.com/payouts/ent/merchant"
)

type RiskFlag struct {
	MerchantID  int     `json:"merchantId"`
	Chargebacks int     `json:"chargebacks"`
	Ratio       float64 `json:"ratio"`
}

func chargebacks90d(ctx context.Context, client *ent.Client, merchantID int) (int, error) {
	return client.Chargeback.Query().
		Where(chargeback.MerchantID(merchantID), chargeback.CreatedAtGTE(time.Now().AddDate(0, 0, -90))).
		Count(ctx)
}

// HighRisk flags merchants above a chargeback ratio before the weekly payout run.
func HighRisk(ctx context.Context, client *ent.Client, threshold float64) ([]RiskFlag, error) {
	ms, err := client.Merchant.Query().
		Where(merchant.StatusEQ(merchant.StatusActive), merchant.OrderCount90dGT(0)).
		All(ctx)
	if err != nil {
		return nil, err
	}
	var flags []RiskFlag
	for _, m := range ms {
		n, err := chargebacks90d(ctx, client, m.ID) // expect: query-in-loop
		if err != nil {
			return nil, err
		}
		ratio := float64(n) / float64(m.OrderCount90d)
		if ratio >= threshold {
			flags = append(flags, RiskFlag{MerchantID: m.ID, Chargebacks: n, Ratio: ratio})
		}
	}
	return flags, nil
}

// Freeze suspends payouts for the given merchants in one statement.
func Freeze(ctx context.Context, client *ent.Client, ids []int) (int, error) {
	return client.Merchant.Update().
		Where(merchant.IDIn(ids...)).
		SetStatus(merchant.StatusFrozen).
		Save(ctx)
}
