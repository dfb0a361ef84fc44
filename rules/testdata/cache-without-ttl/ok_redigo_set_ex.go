package legacy

import (
	"github.com/gomodule/redigo/redis"
)

func CachePageFor(c redis.Conn, path string, html []byte, seconds int) error {
	_, err := c.Do("SET", "page:"+path, html, "EX", seconds)
	return err
}

func CacheSetex(c redis.Conn, path string, html []byte) error {
	_, err := c.Do("SETEX", "page:"+path, 300, html)
	return err
}

func CacheHash(c redis.Conn, key string) error {
	c.Send("MULTI")
	c.Send("HSET", key, "a", 1)
	c.Send("EXPIRE", key, 60)
	_, err := c.Do("EXEC")
	return err
}

func CacheArgs(c redis.Conn, args []interface{}) error {
	_, err := c.Do("SET", args...)
	return err
}
