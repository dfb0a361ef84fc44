package tokens

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"

	"github.com/redis/go-redis/v9"
	"gorm.io/gorm"
)

type Config interface {
	Secrets(ctx context.Context) [][]byte
	CacheKeyPrefixes() []string
}

type Token struct {
	ID   int64
	Hash string
}

type Store struct {
	db  *gorm.DB
	rdb *redis.Client
	cfg Config
}

func digest(token string, secret []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(token))
	return hex.EncodeToString(m.Sum(nil))
}

// During key rotation a token may be hashed with the current secret or an
// older one: the lookup tries each configured secret until one matches.
func (s *Store) Use(ctx context.Context, token string) (*Token, error) {
	var t Token
	var err error
	for _, secret := range s.cfg.Secrets(ctx) {
		if err = s.db.WithContext(ctx).Where("hash = ?", digest(token, secret)).First(&t).Error; err != nil {
			if !errors.Is(err, gorm.ErrRecordNotFound) {
				return nil, err
			}
		} else {
			break
		}
	}
	if err != nil {
		return nil, err
	}
	return &t, nil
}

// The first configured prefix that has the entry wins.
func (s *Store) Cached(ctx context.Context, id string) (string, error) {
	for _, prefix := range s.cfg.CacheKeyPrefixes() {
		v, err := s.rdb.Get(ctx, prefix+id).Result()
		if err == nil {
			return v, nil
		}
		if !errors.Is(err, redis.Nil) {
			return "", err
		}
	}
	return "", redis.Nil
}
