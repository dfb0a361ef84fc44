package profiles

import (
	"context"
	"fmt"
	"strings"

	"github.com/redis/go-redis/v9"
)

func profileKey(id string) string  { return "profile:" + id }
func sessionKey(id string) string  { return "session:" + id }
func counterKey(id string) string  { return "count:" + id }
func settingsKey(id string) string { return "settings:" + id }

// Reads KEYS[1] and writes KEYS[2]; neither is deleted or expired.
var touchScript = redis.NewScript(`
local v = redis.call("HGET", KEYS[1], "name")
redis.call("INCR", KEYS[2])
redis.call("DEL", KEYS[3])
redis.call("UNLINK", KEYS[4])
return v`)

type Svc struct{ rdb *redis.Client }

func (s *Svc) Touch(ctx context.Context, id string) error {
	return touchScript.Run(ctx, s.rdb, []string{profileKey(id), counterKey(id), fmt.Sprintf("tmp:%s", id), strings.Join([]string{"scratch", id}, ":")}, id).Err()
}

// The script only reads profile keys: nothing ends them.
func (s *Svc) SaveProfile(ctx context.Context, id, name string) error {
	return s.rdb.HSet(ctx, profileKey(id), "name", name).Err() // want "cache-without-ttl: .*s.rdb.HSet.*profileKey"
}

// A plain Del (invalidation on logout) outside a script does not count.
func (s *Svc) SaveSession(ctx context.Context, id string, v map[string]any) error {
	return s.rdb.HSet(ctx, sessionKey(id), v).Err() // want "cache-without-ttl: .*s.rdb.HSet.*sessionKey"
}

func (s *Svc) Logout(ctx context.Context, id string) error {
	return s.rdb.Del(ctx, sessionKey(id)).Err()
}

// KEYS[4] is deleted, but a standard-library call builds anything: it
// names no key family.
func (s *Svc) SaveTmp(ctx context.Context, id string) error {
	return s.rdb.SAdd(ctx, strings.Join([]string{"other", id}, ":"), "x").Err() // want "cache-without-ttl: .*s.rdb.SAdd"
}

// A different helper than the one the scripts end.
func (s *Svc) SaveSettings(ctx context.Context, id string, v map[string]any) error {
	return s.rdb.HSet(ctx, settingsKey(id), v).Err() // want "cache-without-ttl: .*s.rdb.HSet.*settingsKey"
}

// KEYS[3] is deleted; a Sprintf format is a key family only for the same
// format.
func (s *Svc) SaveBadge(ctx context.Context, id string) error {
	return s.rdb.SAdd(ctx, fmt.Sprintf("badge:%s", id), "gold").Err() // want "cache-without-ttl: .*s.rdb.SAdd"
}
