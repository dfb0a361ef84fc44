package carts

import (
	"context"
	"strconv"

	"github.com/redis/go-redis/v9"
)

type Carts struct {
	rdb *redis.Client
}

func (c *Carts) AddItem(ctx context.Context, cartID, sku string, qty int) error {
	return c.rdb.HSet(ctx, "cart:"+cartID, sku, strconv.Itoa(qty)).Err() // want "cache-without-ttl: .*c.rdb.HSet.*\"cart:\"\\+cartID.*Expire"
}

func (c *Carts) Tag(ctx context.Context, cartID, tag string) error {
	pipe := c.rdb.Pipeline()
	pipe.SAdd(ctx, "cart-tags:"+cartID, tag) // want "cache-without-ttl: .*pipe.SAdd"
	_, err := pipe.Exec(ctx)
	return err
}
