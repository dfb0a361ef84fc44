package rate

import (
	"github.com/gomodule/redigo/redis"
)

type Limiter struct {
	pool *redis.Pool
}

func (l *Limiter) Counts(keys []string) (map[string]int, error) {
	conn := l.pool.Get()
	defer conn.Close()
	out := map[string]int{}
	for _, k := range keys {
		n, err := redis.Int(conn.Do("GET", "rate:"+k)) // want "query-in-loop: conn.Do runs once per iteration of the loop on line 15 \\(one cache round trip per item\\); pipeline the commands with Send/Flush/Receive, or use MGET"
		if err != nil && err != redis.ErrNil {
			return nil, err
		}
		out[k] = n
	}
	return out, nil
}

// Pipelined: Send queues, Flush sends once, Receive reads the replies.
func (l *Limiter) CountsPipelined(keys []string) ([]int, error) {
	conn := l.pool.Get()
	defer conn.Close()
	for _, k := range keys {
		if err := conn.Send("GET", "rate:"+k); err != nil {
			return nil, err
		}
	}
	if err := conn.Flush(); err != nil {
		return nil, err
	}
	out := make([]int, len(keys))
	for i := range keys {
		n, _ := redis.Int(conn.Receive())
		out[i] = n
	}
	vals, err := redis.Ints(conn.Do("MGET", redis.Args{}.AddFlat(keys)...))
	_ = vals
	return out, err
}
