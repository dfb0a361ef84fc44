//go:build ignore

// Package sessions keeps login sessions in Redis.
package sessions

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// Session is a logged-in browser session.
type Session struct {
	UserID    int       `json:"uid"`
	Admin     bool      `json:"admin"`
	CreatedAt time.Time `json:"created_at"`
}

// Store persists sessions.
type Store struct {
	rdb *redis.Client
}

// NewStore returns a Store.
func NewStore(rdb *redis.Client) *Store { return &Store{rdb: rdb} }

func sessionKey(id string) string { return "idp:sess:" + id }
func userSetKey(uid int) string   { return "idp:user-sessions:" + strconv.Itoa(uid) }

// Create stores a session that expires after ttl, and indexes it by user.
func (s *Store) Create(ctx context.Context, id string, uid int, ttl time.Duration) error {
	b, _ := json.Marshal(Session{UserID: uid, CreatedAt: time.Now()})
	_, err := s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.Set(ctx, sessionKey(id), b, ttl)
		p.SAdd(ctx, userSetKey(uid), id)
		p.Expire(ctx, userSetKey(uid), ttl)
		return nil
	})
	return err
}

// Get loads a session.
func (s *Store) Get(ctx context.Context, id string) (Session, error) {
	var sess Session
	b, err := s.rdb.Get(ctx, sessionKey(id)).Bytes()
	if err != nil {
		return sess, err
	}
	return sess, json.Unmarshal(b, &sess)
}

// Delete removes a session.
func (s *Store) Delete(ctx context.Context, id string) error {
	return s.rdb.Del(ctx, sessionKey(id)).Err()
}

// DeleteAllFor removes every session of a user.
func (s *Store) DeleteAllFor(ctx context.Context, uid int) error {
	ids, err := s.rdb.SMembers(ctx, userSetKey(uid)).Result()
	if err != nil {
		return err
	}
	keys := make([]string, 0, len(ids)+1)
	for _, id := range ids {
		keys = append(keys, sessionKey(id))
	}
	keys = append(keys, userSetKey(uid))
	return s.rdb.Del(ctx, keys...).Err()
}

// RememberDevice marks a device as trusted for MFA purposes.
func (s *Store) RememberDevice(ctx context.Context, uid int, fingerprint string) error {
	key := fmt.Sprintf("idp:trusted-device:%d:%s", uid, fingerprint)
	return s.rdb.Set(ctx, key, time.Now().Unix(), 0).Err() // expect: cache-without-ttl
}

// StorePasswordResetNonce stores a single-use reset nonce.
func (s *Store) StorePasswordResetNonce(ctx context.Context, uid int, nonce string) error {
	ok, err := s.rdb.SetArgs(ctx, "idp:reset:"+nonce, uid, redis.SetArgs{Mode: "NX", TTL: 30 * time.Minute}).Result()
	if err != nil {
		return err
	}
	if ok != "OK" {
		return fmt.Errorf("nonce collision")
	}
	return nil
}

// Touch refreshes session data without changing its expiry.
func (s *Store) Touch(ctx context.Context, id string, sess Session) error {
	b, _ := json.Marshal(sess)
	return s.rdb.SetArgs(ctx, sessionKey(id), b, redis.SetArgs{KeepTTL: true}).Err()
}

// CacheProfile caches a user's profile for the account page.
func (s *Store) CacheProfile(ctx context.Context, uid int, profile []byte) error {
	return s.rdb.SetArgs(ctx, "idp:profile:"+strconv.Itoa(uid), profile, redis.SetArgs{Mode: "XX"}).Err() // expect: cache-without-ttl
}

// CacheConsent remembers a user's OAuth consent for a client.
func (s *Store) CacheConsent(ctx context.Context, uid int, clientID string, scopes []string) error {
	b, _ := json.Marshal(scopes)
	var ttl time.Duration
	return s.rdb.Set(ctx, fmt.Sprintf("idp:consent:%d:%s", uid, clientID), b, ttl).Err() // expect: cache-without-ttl
}
