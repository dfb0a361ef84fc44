package legacy

import (
	"github.com/gomodule/redigo/redis"
)

var pool = &redis.Pool{MaxIdle: 10}

func CachePage(path string, html []byte) error {
	conn := pool.Get()
	defer conn.Close()
	_, err := conn.Do("SET", "page:"+path, html) // want "cache-without-ttl: .*conn.Do\\(\"SET\".*\"EX\", seconds"
	return err
}

func CountView(c redis.Conn, path string) error {
	_, err := c.Do("HSET", "views:"+path, "last", "now") // want "cache-without-ttl: .*HSET"
	return err
}
