package catalog

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/redis/go-redis/v9"
)

type Server struct {
	rdb *redis.Client
}

func (s *Server) getProduct(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id := r.URL.Query().Get("id")
	if b, err := s.rdb.Get(ctx, "product:"+id).Bytes(); err == nil {
		w.Write(b)
		return
	}
	p := map[string]string{"id": id}
	b, _ := json.Marshal(p)
	s.rdb.Set(ctx, "product:"+id, b, 0) // want "cache-without-ttl: .*s.rdb.Set.*expiration `0`.*forever"
	w.Write(b)
}

func markOnline(ctx context.Context, rdb *redis.Client, user string) error {
	return rdb.SetNX(ctx, "online:"+user, 1, 0).Err() // want "cache-without-ttl: .*rdb.SetNX"
}
