//go:build ignore

package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"github.com/google/uuid"

	"example.com/ledger/internal/store"
)

type transferRequest struct {
	IdempotencyKey string `json:"idempotency_key"`
	From           int64  `json:"from"`
	To             int64  `json:"to"`
	Amount         int64  `json:"amount"`
}

// replicaLag is how long the read replica behind Balances usually trails.
const replicaLag = 250 * time.Millisecond

func (s *server) createTransfer(w http.ResponseWriter, r *http.Request) {
	var req transferRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&req); err != nil {
		s.fail(w, r, http.StatusBadRequest, err)
		return
	}
	if req.Amount <= 0 || req.From == req.To {
		s.fail(w, r, http.StatusUnprocessableEntity, errors.New("invalid transfer"))
		return
	}
	id := req.IdempotencyKey
	if id == "" {
		id = uuid.NewString()
	}
	err := s.Store.Transfer(r.Context(), id, req.From, req.To, req.Amount)
	switch {
	case errors.Is(err, store.ErrInsufficientFunds):
		s.fail(w, r, http.StatusConflict, err)
		return
	case err != nil:
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	s.Balances.Invalidate(r.Context(), req.From, req.To)

	// Give the replica time to apply the transfer so the balance we return is fresh.
	time.Sleep(replicaLag) // expect: sync-api-in-async
	bal, err := s.Store.Balance(r.Context(), req.From)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"id": id, "from_balance": bal.Posted})
}
