//go:build ignore

// Package cache holds the billing service's Redis and in-process caches.
package cache

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// InvoiceCache caches rendered invoice summaries.
type InvoiceCache struct {
	rdb *redis.Client
	ttl time.Duration
}

// NewInvoiceCache returns a cache whose entries live for ttl.
func NewInvoiceCache(rdb *redis.Client, ttl time.Duration) *InvoiceCache {
	if ttl <= 0 {
		ttl = 10 * time.Minute
	}
	return &InvoiceCache{rdb: rdb, ttl: ttl}
}

func invoiceKey(id string) string  { return "billing:invoice:" + id }
func pdfURLKey(id string) string   { return "billing:invoice-pdf:" + id }
func customerKey(id string) string { return "billing:customer-summary:" + id }

// Get decodes a cached value into dst; it reports whether the key existed.
func (c *InvoiceCache) Get(ctx context.Context, id string, dst any) (bool, error) {
	b, err := c.rdb.Get(ctx, invoiceKey(id)).Bytes()
	if errors.Is(err, redis.Nil) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, json.Unmarshal(b, dst)
}

// Put stores v for the configured TTL.
func (c *InvoiceCache) Put(ctx context.Context, id string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return c.rdb.Set(ctx, invoiceKey(id), b, c.ttl).Err()
}

// PutPDFURL remembers where the rendered PDF lives.
func (c *InvoiceCache) PutPDFURL(ctx context.Context, id, url string) error {
	return c.rdb.Set(ctx, pdfURLKey(id), url, 0).Err() // expect: cache-without-ttl
}

// PutCustomerSummary caches a customer's balance summary.
func (c *InvoiceCache) PutCustomerSummary(ctx context.Context, customerID string, summary map[string]int64) error {
	expiration := time.Duration(0)
	b, err := json.Marshal(summary)
	if err != nil {
		return fmt.Errorf("encoding summary: %w", err)
	}
	if err := c.rdb.Set(ctx, customerKey(customerID), b, expiration).Err(); err != nil { // expect: cache-without-ttl
		return fmt.Errorf("caching summary for %s: %w", customerID, err)
	}
	return nil
}

// Touch rewrites a value but keeps its existing expiry.
func (c *InvoiceCache) Touch(ctx context.Context, id string, v []byte) error {
	return c.rdb.Set(ctx, invoiceKey(id), v, redis.KeepTTL).Err()
}

// PutMany caches several invoices in one round trip.
func (c *InvoiceCache) PutMany(ctx context.Context, values map[string][]byte) error {
	_, err := c.rdb.Pipelined(ctx, func(pipe redis.Pipeliner) error {
		for id, b := range values {
			pipe.Set(ctx, invoiceKey(id), b, 0)
			pipe.Expire(ctx, invoiceKey(id), c.ttl)
		}
		return nil
	})
	return err
}

// Invalidate drops the cached copies of an invoice.
func (c *InvoiceCache) Invalidate(ctx context.Context, id string) error {
	return c.rdb.Del(ctx, invoiceKey(id), pdfURLKey(id)).Err()
}

// RememberIdempotencyKey stores the response for an idempotent request for 24 hours.
func (c *InvoiceCache) RememberIdempotencyKey(ctx context.Context, key string, response []byte) (bool, error) {
	return c.rdb.SetNX(ctx, "billing:idem:"+key, response, 24*time.Hour).Result()
}

// StoreExchangeRates caches the day's exchange rates as a hash.
func (c *InvoiceCache) StoreExchangeRates(ctx context.Context, day string, rates map[string]string) error {
	key := "billing:fx:" + day
	if err := c.rdb.HSet(ctx, key, rates).Err(); err != nil {
		return err
	}
	return c.rdb.Expire(ctx, key, 36*time.Hour).Err()
}
