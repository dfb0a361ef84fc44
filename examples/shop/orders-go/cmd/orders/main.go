// Command orders serves the orders API.
package main

import (
	"database/sql"
	"encoding/json"
	"log"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"example.com/shop/orders/internal/store"
)

type server struct {
	store *store.Store

	mu    sync.Mutex
	rates map[string]float64
}

// handleRates refreshes exchange rates while holding the lock, so every
// request waits behind the slowest call to the rates service.
func (s *server) handleRates(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	resp, err := http.Get("https://rates.example.com/latest")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(&s.rates); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	json.NewEncoder(w).Encode(s.rates)
}

func (s *server) handleOrders(w http.ResponseWriter, r *http.Request) {
	orders, err := s.store.OrdersWithItems(r.Context(), r.URL.Query().Get("customer"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	json.NewEncoder(w).Encode(orders)
}

func main() {
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	s := &server{store: store.New(db, rdb), rates: map[string]float64{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/orders", s.handleOrders)
	mux.HandleFunc("/rates", s.handleRates)
	srv := &http.Server{Addr: ":8081", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(srv.ListenAndServe())
}
