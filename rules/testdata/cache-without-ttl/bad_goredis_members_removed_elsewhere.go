package jobs2

import (
	"context"

	"github.com/redis/go-redis/v9"
)

type bgCtx struct{}

func (bgCtx) HammerContext() context.Context { return context.Background() }

var mgr bgCtx

type tracker struct {
	rdb     redis.UniversalClient
	visits  string
	archive string
}

// Members are removed from a different key than the one written.
func (t *tracker) Visit(ctx context.Context, page string) error {
	return t.rdb.SAdd(ctx, t.visits, page).Err() // want "cache-without-ttl: .*t.rdb.SAdd.*`t.visits`"
}

func (t *tracker) Unarchive(ctx context.Context, page string) error {
	return t.rdb.SRem(ctx, t.archive, page).Err()
}

// Deleting the whole key in some other method (a reset) does not bound
// the set between resets. The key is named in the message, not the
// context expression.
func (t *tracker) Tag(page, tag string) error {
	return t.rdb.HSet(mgr.HammerContext(), "tags:"+page, tag, "1").Err() // want "cache-without-ttl: .*t.rdb.HSet.*writes `\"tags:\"\\+page`"
}

func (t *tracker) Reset(page string) error {
	return t.rdb.Del(mgr.HammerContext(), "tags:"+page).Err()
}

// A local key built per call in two functions is not known to be the same
// key.
func (t *tracker) Follow(ctx context.Context, user, other string) error {
	key := "follows:" + user
	return t.rdb.SAdd(ctx, key, other).Err() // want "cache-without-ttl: .*t.rdb.SAdd.*`key`"
}

func (t *tracker) Unfollow(ctx context.Context, owner, other string) error {
	key := "followers:" + owner
	return t.rdb.SRem(ctx, key, other).Err()
}
