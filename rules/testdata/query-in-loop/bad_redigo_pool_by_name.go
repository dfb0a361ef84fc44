package presence

import (
	"fmt"

	"github.com/gomodule/redigo/redis"
)

// Server's fields are declared in another file of the package; the pool is
// known here only by its name and the redigo import.
func (s *Server) MarkOnline(userIDs []int64) error {
	conn := s.redisPool.Get()
	defer conn.Close()
	for _, id := range userIDs {
		if _, err := conn.Do("SETEX", fmt.Sprintf("online:%d", id), 60, 1); err != nil { // want "query-in-loop: conn.Do runs once per iteration of the loop on line 14 \\(one cache round trip per item\\); pipeline the commands with Send/Flush/Receive, or use MGET"
			return err
		}
	}
	return nil
}

func (s *Server) Counts(ctx Context, rooms []string) (map[string]int, error) {
	c, err := s.redis.GetContext(ctx)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	out := map[string]int{}
	for _, r := range rooms {
		n, err := redis.Int(c.Do("SCARD", "room:"+r)) // want "c.Do runs once per iteration of the loop on line 29"
		if err != nil {
			return nil, err
		}
		out[r] = n
	}
	return out, nil
}
