package presence

import (
	"fmt"

	"github.com/gomodule/redigo/redis"
)

// Pipelined through a pool known only by name: Send queues, one Flush.
func (s *Server) MarkOffline(userIDs []int64) error {
	conn := s.redisPool.Get()
	defer conn.Close()
	for _, id := range userIDs {
		if err := conn.Send("DEL", fmt.Sprintf("online:%d", id)); err != nil {
			return err
		}
	}
	return conn.Flush()
}

// A transaction: MULTI, queued commands, one EXEC.
func (s *Server) Rename(rooms map[string]string) error {
	conn := s.redisPool.Get()
	defer conn.Close()
	if err := conn.Send("MULTI"); err != nil {
		return err
	}
	for from, to := range rooms {
		_ = conn.Send("RENAME", "room:"+from, "room:"+to)
	}
	_, err := redis.Values(conn.Do("EXEC"))
	return err
}

// An in-process map named like a store: Get on it is not Redis.
func (s *Server) Names(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if v, ok := s.redisNames.Get(id); ok {
			out = append(out, v)
		}
	}
	return out
}
