//go:build ignore

package cache

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

const availabilityTTL = 30 * time.Second

type Stock struct {
	rdb *redis.Client
}

func NewStock(rdb *redis.Client) *Stock {
	return &Stock{rdb: rdb}
}

func availKey(sku string) string { return "avail:" + sku }
func metaKey(sku string) string  { return "itemmeta:" + sku }

type ItemMeta struct {
	Name string `json:"name"`
	Unit string `json:"unit"`
}

// Availability reads cached availability for many SKUs with one MGET.
func (s *Stock) Availability(ctx context.Context, skus []string) (map[string]int, error) {
	keys := make([]string, len(skus))
	for i, sku := range skus {
		keys[i] = availKey(sku)
	}
	vals, err := s.rdb.MGet(ctx, keys...).Result()
	if err != nil {
		return nil, err
	}
	out := make(map[string]int, len(skus))
	for i, v := range vals {
		if str, ok := v.(string); ok {
			var n int
			if _, err := fmt.Sscan(str, &n); err == nil {
				out[skus[i]] = n
			}
		}
	}
	return out, nil
}

func (s *Stock) PutAvailability(ctx context.Context, levels map[string]int) error {
	_, err := s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for sku, n := range levels {
			p.Set(ctx, availKey(sku), n, availabilityTTL)
		}
		return nil
	})
	return err
}

// PutMeta stores display metadata for an item. Names change rarely.
func (s *Stock) PutMeta(ctx context.Context, sku string, meta ItemMeta) error {
	b, err := json.Marshal(meta)
	if err != nil {
		return err
	}
	return s.rdb.Set(ctx, metaKey(sku), b, 0).Err() // expect: cache-without-ttl
}

func (s *Stock) Meta(ctx context.Context, sku string) (ItemMeta, bool) {
	var m ItemMeta
	b, err := s.rdb.Get(ctx, metaKey(sku)).Bytes()
	if err != nil {
		return m, false
	}
	return m, json.Unmarshal(b, &m) == nil
}

func (s *Stock) Forget(ctx context.Context, sku string) {
	s.rdb.Del(ctx, availKey(sku), metaKey(sku))
}
