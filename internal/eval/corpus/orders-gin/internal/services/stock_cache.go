//go:build ignore

package services

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// StockCache mirrors warehouse stock levels in Redis.
type StockCache struct {
	rdb *redis.Client
}

// NewStockCache returns a StockCache.
func NewStockCache(rdb *redis.Client) *StockCache { return &StockCache{rdb: rdb} }

const (
	stockTTL = 30 * time.Second
	// reservation timestamps are cleared explicitly when an order ships or is cancelled.
	reservationTTL = 0
)

func stockKey(productID uint) string       { return fmt.Sprintf("orders:stock:%d", productID) }
func reservationKey(orderID uint) string   { return fmt.Sprintf("orders:reservation:%d", orderID) }
func orderSummaryKey(orderID uint) string  { return fmt.Sprintf("orders:summary:%d", orderID) }
func customerLastKey(customer uint) string { return fmt.Sprintf("orders:customer-last:%d", customer) }

// Levels returns cached stock for several products with one MGET.
func (s *StockCache) Levels(ctx context.Context, productIDs []uint) (map[uint]int, error) {
	keys := make([]string, len(productIDs))
	for i, id := range productIDs {
		keys[i] = stockKey(id)
	}
	vals, err := s.rdb.MGet(ctx, keys...).Result()
	if err != nil {
		return nil, err
	}
	out := make(map[uint]int, len(productIDs))
	for i, v := range vals {
		if str, ok := v.(string); ok {
			n, _ := strconv.Atoi(str)
			out[productIDs[i]] = n
		}
	}
	return out, nil
}

// LevelsSlow is kept for the admin page, which shows one product at a time.
func (s *StockCache) LevelsSlow(ctx context.Context, productIDs []uint) (map[uint]int, error) {
	out := make(map[uint]int, len(productIDs))
	for _, id := range productIDs {
		n, err := s.rdb.Get(ctx, stockKey(id)).Int() // expect: query-in-loop
		if err == redis.Nil {
			continue
		}
		if err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, nil
}

// SetLevels stores stock levels for a short time.
func (s *StockCache) SetLevels(ctx context.Context, levels map[uint]int) error {
	pipe := s.rdb.Pipeline()
	for id, n := range levels {
		pipe.Set(ctx, stockKey(id), n, stockTTL)
	}
	_, err := pipe.Exec(ctx)
	return err
}

// Reserve records the quantities held for an order.
func (s *StockCache) Reserve(ctx context.Context, orderID uint, qty map[uint]int) error {
	fields := make(map[string]any, len(qty))
	for id, n := range qty {
		fields[strconv.Itoa(int(id))] = n
	}
	if err := s.rdb.HSet(ctx, reservationKey(orderID), fields).Err(); err != nil {
		return err
	}
	if err := s.rdb.Expire(ctx, reservationKey(orderID), 72*time.Hour).Err(); err != nil {
		return err
	}
	return s.rdb.Set(ctx, reservationKey(orderID)+":at", time.Now().Unix(), reservationTTL).Err() // expect: cache-without-ttl
}

// PutSummary caches an order summary for the order page, refreshing its expiry in the same transaction.
func (s *StockCache) PutSummary(ctx context.Context, orderID uint, summary []byte) error {
	_, err := s.rdb.TxPipelined(ctx, func(pipe redis.Pipeliner) error {
		pipe.Set(ctx, orderSummaryKey(orderID), summary, 0)
		pipe.Expire(ctx, orderSummaryKey(orderID), 15*time.Minute)
		return nil
	})
	return err
}

// RememberLastOrder stores a customer's most recent order id.
func (s *StockCache) RememberLastOrder(ctx context.Context, customerID, orderID uint) {
	s.rdb.Set(ctx, customerLastKey(customerID), orderID, 0) // expect: cache-without-ttl
}

// Invalidate drops cached data for an order.
func (s *StockCache) Invalidate(ctx context.Context, orderID uint) {
	s.rdb.Del(ctx, orderSummaryKey(orderID), reservationKey(orderID))
}

// Refresh extends the lifetime of a cached summary.
func (s *StockCache) Refresh(ctx context.Context, orderID uint, summary []byte) error {
	return s.rdb.SetEx(ctx, orderSummaryKey(orderID), summary, 15*time.Minute).Err()
}
