//go:build ignore

package cache

import (
	"time"

	gocache "github.com/patrickmn/go-cache"
)

// PlanCatalog caches plan definitions; they change only on deploys.
var PlanCatalog = gocache.New(gocache.NoExpiration, 0) // expect: cache-without-ttl

// Coupons caches coupon lookups for five minutes, swept every ten.
var Coupons = gocache.New(5*time.Minute, 10*time.Minute)

// Plan is a subscription plan.
type Plan struct {
	ID            string
	Name          string
	MonthlyCents  int64
	IncludedSeats int
}

// PlanByID returns a cached plan.
func PlanByID(id string) (Plan, bool) {
	v, ok := PlanCatalog.Get(id)
	if !ok {
		return Plan{}, false
	}
	return v.(Plan), true
}

// StorePlan caches a plan.
func StorePlan(p Plan) {
	PlanCatalog.Set(p.ID, p, gocache.DefaultExpiration)
}
