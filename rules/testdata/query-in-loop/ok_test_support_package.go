// Package fixtures loads sample data into a scratch Redis for the tests of
// the inventory service. Not a *_test.go file, but test support: it imports
// testing, and everything here runs in a test.
package fixtures

import (
	"context"
	"testing"

	"github.com/redis/go-redis/v9"
)

type Item struct {
	SKU   string
	Stock int
}

func LoadStock(tb testing.TB, rdb *redis.Client, items []Item) {
	tb.Helper()
	ctx := context.Background()
	for _, it := range items {
		if err := rdb.HSet(ctx, "stock:"+it.SKU, "qty", it.Stock).Err(); err != nil {
			tb.Fatal(err)
		}
	}
}

// ReadBack has no testing parameter, but lives in the same test-support file.
func ReadBack(rdb *redis.Client, skus []string) map[string]string {
	out := map[string]string{}
	for _, s := range skus {
		out[s] = rdb.HGet(context.Background(), "stock:"+s, "qty").Val()
	}
	return out
}
