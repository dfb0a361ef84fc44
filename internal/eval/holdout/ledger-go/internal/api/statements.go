//go:build ignore

package api

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/gorilla/mux"
	"github.com/jackc/pgx/v5"
	"github.com/redis/go-redis/v9"
)

// Closed months never change, so statements are kept until evicted by memory pressure.
const statementTTL = 0

type statementLine struct {
	Day     string `json:"day"`
	Closing int64  `json:"closing"`
}

type statement struct {
	AccountID int64           `json:"account_id"`
	Month     string          `json:"month"`
	Opening   int64           `json:"opening"`
	Days      []statementLine `json:"days"`
	Entries   []entryView     `json:"entries"`
}

func (s *server) closingBalance(ctx context.Context, accountID int64, day time.Time) (int64, error) {
	var bal int64
	err := s.Pool.QueryRow(ctx, `SELECT coalesce(sum(amount), 0) FROM entries WHERE account_id = $1 AND status = 'posted' AND created_at < $2`,
		accountID, day.AddDate(0, 0, 1)).Scan(&bal)
	return bal, err
}

func (s *server) statement(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, _ := strconv.ParseInt(mux.Vars(r)["id"], 10, 64)
	month, err := time.Parse("2006-01", mux.Vars(r)["month"])
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err)
		return
	}
	key := "stmt:" + strconv.FormatInt(id, 10) + ":" + month.Format("2006-01")
	if cached, err := s.Redis.Get(ctx, key).Bytes(); err == nil {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(cached)
		return
	} else if !errors.Is(err, redis.Nil) {
		s.Log.WarnContext(ctx, "statement cache read failed", "err", err)
	}

	end := month.AddDate(0, 1, 0)
	rows, err := s.Pool.Query(ctx, `SELECT id, transfer_id, amount, status, created_at FROM entries
		WHERE account_id = $1 AND created_at >= $2 AND created_at < $3 ORDER BY created_at, id`, id, month, end)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	entries, err := pgx.CollectRows(rows, pgx.RowToStructByPos[entryView])
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}

	st := statement{AccountID: id, Month: month.Format("2006-01"), Entries: entries}
	if st.Opening, err = s.closingBalance(ctx, id, month.AddDate(0, 0, -1)); err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	for day := month; day.Before(end); day = day.AddDate(0, 0, 1) {
		bal, err := s.closingBalance(ctx, id, day) // expect: query-in-loop
		if err != nil {
			s.fail(w, r, http.StatusInternalServerError, err)
			return
		}
		st.Days = append(st.Days, statementLine{Day: day.Format("2006-01-02"), Closing: bal})
	}

	body, _ := json.Marshal(st)
	if end.Before(time.Now()) {
		if err := s.Redis.Set(ctx, key, body, statementTTL).Err(); err != nil { // expect: cache-without-ttl
			s.Log.WarnContext(ctx, "statement cache write failed", "err", err)
		}
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(body)
}
