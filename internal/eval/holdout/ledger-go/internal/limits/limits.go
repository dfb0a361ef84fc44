//go:build ignore

package limits

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
)

// Limits enforces daily outgoing-transfer limits per account.
type Limits struct {
	pool *pgxpool.Pool
	rdb  *redis.Client

	mu     sync.Mutex
	limits map[int64]int64 // overrides from Reload plus plan limits looked up since
}

// New returns a Limits.
func New(pool *pgxpool.Pool, rdb *redis.Client) *Limits {
	return &Limits{pool: pool, rdb: rdb, limits: map[int64]int64{}}
}

// Reload replaces the cached limits with the current overrides after support
// edits one. The query runs before the lock is taken.
func (l *Limits) Reload(ctx context.Context) error {
	rows, err := l.pool.Query(ctx, `SELECT account_id, daily_limit FROM limit_overrides WHERE expires_at > now()`)
	if err != nil {
		return err
	}
	defer rows.Close()
	next := map[int64]int64{}
	for rows.Next() {
		var id, lim int64
		if err := rows.Scan(&id, &lim); err != nil {
			return err
		}
		next[id] = lim
	}
	if err := rows.Err(); err != nil {
		return err
	}
	l.mu.Lock()
	l.limits = next
	l.mu.Unlock()
	return nil
}

// limitFor returns an account's daily limit, remembering plan limits it had
// to look up.
func (l *Limits) limitFor(ctx context.Context, accountID int64) (int64, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if limit, ok := l.limits[accountID]; ok {
		return limit, nil
	}
	var limit int64
	if err := l.pool.QueryRow(ctx, `SELECT daily_limit FROM plans p JOIN accounts a ON a.plan_id = p.id WHERE a.id = $1`, accountID).Scan(&limit); err != nil { // expect: sync-api-in-async
		return 0, err
	}
	l.limits[accountID] = limit
	return limit, nil
}

// Remaining returns how much accountID may still send today.
func (l *Limits) Remaining(ctx context.Context, accountID int64) (int64, error) {
	limit, err := l.limitFor(ctx, accountID)
	if err != nil {
		return 0, err
	}
	sent, err := l.rdb.Get(ctx, dailyKey(accountID, time.Now())).Int64()
	if err != nil && err != redis.Nil {
		return 0, err
	}
	return limit - sent, nil
}

func dailyKey(accountID int64, day time.Time) string {
	return fmt.Sprintf("sent:%d:%s", accountID, day.UTC().Format("20060102"))
}

// Record adds amount to today's total; the counter lives two days.
func (l *Limits) Record(ctx context.Context, accountID, amount int64) error {
	key := dailyKey(accountID, time.Now())
	if err := l.rdb.IncrBy(ctx, key, amount).Err(); err != nil {
		return err
	}
	return l.rdb.Expire(ctx, key, 48*time.Hour).Err()
}

// Snapshot caches the account's limit breakdown for the support console.
func (l *Limits) Snapshot(ctx context.Context, accountID, limit, sent int64) error {
	return l.rdb.HSet(ctx, "cache:limits:"+strconv.FormatInt(accountID, 10), "limit", limit, "sent", sent, "at", time.Now().Unix()).Err() // expect: cache-without-ttl
}
