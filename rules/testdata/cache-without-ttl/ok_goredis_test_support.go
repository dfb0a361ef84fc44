// Package redisfixture seeds a throw-away Redis for integration tests. It
// imports testing, so it is test support even though the file is not
// *_test.go: keys written here live in a database the test flushes.
package redisfixture

import (
	"context"
	"testing"

	"github.com/redis/go-redis/v9"
)

func SeedProfiles(t *testing.T, rdb redis.UniversalClient, ids []string) {
	t.Helper()
	ctx := context.Background()
	for _, id := range ids {
		rdb.HSet(ctx, "profile:"+id, "name", "user "+id)
		rdb.SAdd(ctx, "profiles", id)
	}
}

func SetFlag(rdb redis.UniversalClient, name string) {
	rdb.Set(context.Background(), "flag:"+name, "1", 0)
}
