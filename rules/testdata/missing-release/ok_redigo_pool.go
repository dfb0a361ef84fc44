package ratelimit

import (
	"bytes"
	"sync"

	"github.com/gomodule/redigo/redis"
)

type Counter struct {
	pool *redis.Pool
}

func (c *Counter) Incr(key string) (int, error) {
	conn := c.pool.Get()
	defer conn.Close()
	return redis.Int(conn.Do("INCR", key))
}

// Closed on every path by hand.
func (c *Counter) Swap(key string, v int) (int, error) {
	conn := c.pool.Get()
	old, err := redis.Int(conn.Do("GETSET", key, v))
	if err != nil {
		conn.Close()
		return 0, err
	}
	conn.Close()
	return old, nil
}

// Returned to the caller, who closes it.
func (c *Counter) Conn() redis.Conn {
	conn := c.pool.Get()
	return conn
}

// Handed to a function that owns it from there on.
func (c *Counter) Watch(key string) {
	conn := c.pool.Get()
	go subscribe(conn, key)
}

func subscribe(conn redis.Conn, key string) {
	defer conn.Close()
	psc := redis.PubSubConn{Conn: conn}
	psc.Subscribe(key)
}

// A sync.Pool is not a connection pool: Get hands out a buffer, Put takes
// it back, and dropping one costs only garbage.
var bufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func Render(parts []string) string {
	buf := bufs.Get().(*bytes.Buffer)
	buf.Reset()
	for _, p := range parts {
		buf.WriteString(p)
	}
	return buf.String()
}

type registry struct {
	mu    sync.Mutex
	items map[string]int
}

// A method named Get on something that is not a pool.
func (r *registry) Get(key string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.items[key]
}

func lookup(r *registry) int {
	v := r.Get("a")
	return v
}

// A Get on a pool whose type is not known to be redigo's: nothing says
// what it hands out.
type connPool interface {
	Get() redis.Conn
}

func Ping(p connPool) error {
	conn := p.Get()
	_, err := conn.Do("PING")
	return err
}
