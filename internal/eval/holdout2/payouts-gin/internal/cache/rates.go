//go:build ignore

package cache

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

type Config struct {
	// RateTTL is how long an FX rate may be served from cache. Zero means "use the default".
	RateTTL time.Duration
}

type Rates struct {
	rdb *redis.Client
	cfg Config
}

func NewRates(rdb *redis.Client, cfg Config) *Rates {
	return &Rates{rdb: rdb, cfg: cfg}
}

func rateKey(from, to string) string { return "fx:" + from + ":" + to }

func (r *Rates) Get(ctx context.Context, from, to string) (float64, bool, error) {
	s, err := r.rdb.Get(ctx, rateKey(from, to)).Result()
	if errors.Is(err, redis.Nil) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil, err
}

func (r *Rates) Put(ctx context.Context, from, to string, rate float64) error {
	var ttl time.Duration
	if r.cfg.RateTTL > 0 {
		ttl = r.cfg.RateTTL
	}
	return r.rdb.Set(ctx, rateKey(from, to), strconv.FormatFloat(rate, 'f', -1, 64), ttl).Err() // expect: cache-without-ttl
}

// PutMany stores the day's reference rates for the statement renderer.
func (r *Rates) PutMany(ctx context.Context, day string, rates map[string]float64) error {
	fields := make(map[string]any, len(rates))
	for k, v := range rates {
		fields[k] = strconv.FormatFloat(v, 'f', -1, 64)
	}
	return r.rdb.HSet(ctx, "fx:ref:"+day, fields).Err() // expect: cache-without-ttl
}

// PutIntraday stores intraday rates with an expiry set in the same transaction.
func (r *Rates) PutIntraday(ctx context.Context, rates map[string]float64) error {
	fields := make(map[string]any, len(rates))
	for k, v := range rates {
		fields[k] = strconv.FormatFloat(v, 'f', -1, 64)
	}
	_, err := r.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.HSet(ctx, "fx:intraday", fields)
		p.Expire(ctx, "fx:intraday", 10*time.Minute)
		return nil
	})
	return err
}
