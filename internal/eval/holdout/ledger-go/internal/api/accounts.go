//go:build ignore

package api

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/gorilla/mux"
	"github.com/jackc/pgx/v5"
)

type entryView struct {
	ID         int64     `json:"id"`
	TransferID string    `json:"transfer_id"`
	Amount     int64     `json:"amount"`
	Status     string    `json:"status"`
	CreatedAt  time.Time `json:"created_at"`
}

func (s *server) getAccount(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.ParseInt(mux.Vars(r)["id"], 10, 64)
	acct, err := s.Store.GetAccount(r.Context(), id)
	if errors.Is(err, pgx.ErrNoRows) {
		s.fail(w, r, http.StatusNotFound, err)
		return
	} else if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	bal, err := s.Balances.Get(r.Context(), id, func() (int64, error) {
		b, err := s.Store.Balance(r.Context(), id)
		return b.Posted, err
	})
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"account": acct, "balance": bal})
}

func (s *server) ownerBalances(w http.ResponseWriter, r *http.Request) {
	owner := mux.Vars(r)["owner"]
	accounts, err := s.Store.ListAccountsByOwner(r.Context(), owner)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	type row struct {
		AccountID int64  `json:"account_id"`
		Currency  string `json:"currency"`
		Posted    int64  `json:"posted"`
		Holds     int64  `json:"holds"`
	}
	out := make([]row, 0, len(accounts))
	for _, a := range accounts {
		var holds int64
		err := s.Pool.QueryRow(r.Context(), `SELECT coalesce(sum(amount), 0) FROM holds WHERE account_id = $1 AND released_at IS NULL`, a.ID).Scan(&holds) // expect: query-in-loop
		if err != nil {
			s.fail(w, r, http.StatusInternalServerError, err)
			return
		}
		out = append(out, row{AccountID: a.ID, Currency: a.Currency, Holds: holds})
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *server) listEntries(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.ParseInt(mux.Vars(r)["id"], 10, 64)
	limit := 100
	if l, err := strconv.Atoi(r.URL.Query().Get("limit")); err == nil && l > 0 && l <= 500 {
		limit = l
	}
	rows, err := s.Pool.Query(r.Context(), `SELECT id, transfer_id, amount, status, created_at FROM entries WHERE account_id = $1 ORDER BY id DESC LIMIT $2`, id, limit) // expect: missing-release
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	entries := make([]entryView, 0, limit)
	for rows.Next() {
		var e entryView
		if err := rows.Scan(&e.ID, &e.TransferID, &e.Amount, &e.Status, &e.CreatedAt); err != nil {
			s.fail(w, r, http.StatusInternalServerError, err)
			return
		}
		if e.Status == "reversed" && r.URL.Query().Get("include_reversed") != "1" {
			continue
		}
		entries = append(entries, e)
		if len(entries) == 50 && r.URL.Query().Get("page") == "first" {
			writeJSON(w, http.StatusOK, entries)
			return
		}
	}
	writeJSON(w, http.StatusOK, entries)
}
