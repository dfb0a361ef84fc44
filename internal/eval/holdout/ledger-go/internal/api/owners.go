//go:build ignore

package api

import (
	"errors"
	"net/http"
	"strconv"
	"sync"

	"github.com/gorilla/mux"
	"github.com/redis/go-redis/v9"
	"golang.org/x/sync/errgroup"
)

type ownerSummary struct {
	AccountID int64 `json:"account_id"`
	Pending   int64 `json:"pending"`
	Flags     int64 `json:"risk_flags"`
}

// ownerSummary fans out one pending-sum query per account.
func (s *server) ownerSummary(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	accounts, err := s.Store.ListAccountsByOwner(ctx, mux.Vars(r)["owner"])
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	var mu sync.Mutex
	out := make([]ownerSummary, 0, len(accounts))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for _, a := range accounts {
		g.Go(func() error {
			var pending int64
			if err := s.Pool.QueryRow(gctx, `SELECT coalesce(sum(amount), 0) FROM entries WHERE account_id = $1 AND status = 'pending'`, a.ID).Scan(&pending); err != nil { // expect: query-in-loop
				return err
			}
			mu.Lock()
			out = append(out, ownerSummary{AccountID: a.ID, Pending: pending})
			mu.Unlock()
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}

	// Risk flags are counters the fraud service keeps in Redis.
	for i := range out {
		n, err := s.Redis.Get(ctx, "risk:flags:"+strconv.FormatInt(out[i].AccountID, 10)).Int64() // expect: query-in-loop
		if err != nil && !errors.Is(err, redis.Nil) {
			s.fail(w, r, http.StatusInternalServerError, err)
			return
		}
		out[i].Flags = n
	}
	writeJSON(w, http.StatusOK, out)
}
