package jobstore

import (
	"context"
	"fmt"

	"github.com/redis/go-redis/v9"
)

func jobKey(queue, id string) string { return fmt.Sprintf("jobs:{%s}:job:%s", queue, id) }
func runningKey(queue string) string { return "jobs:{" + queue + "}:running" }

// KEYS[1] running list, KEYS[2] the job's hash.
var finishScript = redis.NewScript(`
redis.call("LREM", KEYS[1], 0, ARGV[1])
redis.call("DEL", KEYS[2])
return 1`)

// KEYS[1] the job's hash; kept for the retention period.
const archiveLua = `
redis.call("HSET", KEYS[1], "state", "archived")
redis.call("EXPIREAT", KEYS[1], ARGV[1])`

var archiveScript = redis.NewScript(archiveLua)

type Store struct{ rdb redis.UniversalClient }

func (s *Store) run(ctx context.Context, sc *redis.Script, keys []string, args ...any) error {
	return sc.Run(ctx, s.rdb, keys, args...).Err()
}

func (s *Store) Finish(ctx context.Context, queue, id string) error {
	keys := []string{runningKey(queue), jobKey(queue, id)}
	return s.run(ctx, finishScript, keys, id)
}

func (s *Store) Archive(ctx context.Context, queue, id string, until int64) error {
	return archiveScript.Run(ctx, s.rdb, []string{stepKey(queue, id)}, until).Err()
}

func stepKey(queue, id string) string { return "jobs:{" + queue + "}:steps:" + id }

// The job hash ends in finishScript: a progress field added to it lives as
// long as the job does.
func (s *Store) SaveProgress(ctx context.Context, queue, id string, pct int) error {
	return s.rdb.HSet(ctx, jobKey(queue, id), "progress", pct).Err()
}

// Through a local holding the helper's key.
func (s *Store) SaveStep(ctx context.Context, queue, id, step string) error {
	k := stepKey(queue, id)
	return s.rdb.RPush(ctx, k, step).Err()
}
