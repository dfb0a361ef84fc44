//go:build ignore

package session

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"
	redigo "github.com/gomodule/redigo/redis"
)

// Session is what the dashboard keeps per signed-in user.
type Session struct {
	UserID  uint   `json:"user_id"`
	FleetID uint   `json:"fleet_id"`
	Role    string `json:"role"`
}

// Store keeps sessions in Redis.
type Store struct {
	pool *redigo.Pool
	ttl  time.Duration
}

// NewStore returns a Store whose sessions last ttl after their last use.
func NewStore(pool *redigo.Pool, ttl time.Duration) *Store {
	return &Store{pool: pool, ttl: ttl}
}

func newID() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// Create stores a new session and returns its id.
func (s *Store) Create(sess Session) (string, error) {
	conn := s.pool.Get()
	defer conn.Close()
	id := newID()
	body, _ := json.Marshal(sess)
	if _, err := conn.Do("SET", "sess:"+id, body, "EX", int(s.ttl.Seconds())); err != nil {
		return "", err
	}
	// Index of a user's sessions, so "sign out everywhere" can find them.
	if _, err := conn.Do("SADD", "user-sessions:"+itoa(sess.UserID), id); err != nil {
		return "", err
	}
	_, err := conn.Do("EXPIRE", "user-sessions:"+itoa(sess.UserID), int(s.ttl.Seconds()))
	return id, err
}

// RememberFleetName caches the fleet's display name shown in the dashboard
// header, so the middleware does not query Postgres on every request.
func (s *Store) RememberFleetName(fleetID uint, name string) error {
	conn := s.pool.Get()
	defer conn.Close()
	_, err := conn.Do("SET", "cache:fleet-name:"+itoa(fleetID), name) // expect: cache-without-ttl
	return err
}

// Load returns a session and slides its expiry.
func (s *Store) Load(id string) (*Session, error) {
	conn := s.pool.Get() // expect: missing-release
	body, err := redigo.Bytes(conn.Do("GET", "sess:"+id))
	if errors.Is(err, redigo.ErrNil) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if _, err := conn.Do("EXPIRE", "sess:"+id, int(s.ttl.Seconds())); err != nil {
		return nil, err
	}
	conn.Close()
	var sess Session
	return &sess, json.Unmarshal(body, &sess)
}

// Middleware loads the session from the cookie and stores it in Locals.
func (s *Store) Middleware() fiber.Handler {
	return func(c *fiber.Ctx) error {
		sess, err := s.Load(c.Cookies("sid"))
		if err != nil {
			return err
		}
		if sess == nil {
			return fiber.ErrUnauthorized
		}
		c.Locals("user_id", sess.UserID)
		c.Locals("fleet_id", sess.FleetID)
		return c.Next()
	}
}

func itoa(v uint) string {
	return strconv.FormatUint(uint64(v), 10)
}
