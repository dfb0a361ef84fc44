package server

import (
	"database/sql"
	"encoding/json"
	"net/http"
)

// The acquisition lives in the handler closure; so does the leak.
func Routes(mux *http.ServeMux, db *sql.DB) {
	mux.HandleFunc("/tags", func(w http.ResponseWriter, r *http.Request) {
		rows, err := db.QueryContext(r.Context(), `SELECT name FROM tags`) // want "rows from db.QueryContext is not closed on the return at line 22"
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		var tags []string
		for rows.Next() {
			var t string
			if err := rows.Scan(&t); err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			tags = append(tags, t)
		}
		rows.Close()
		_ = json.NewEncoder(w).Encode(tags)
	})

	// A second closure in the same function gets it right.
	mux.HandleFunc("/users", func(w http.ResponseWriter, r *http.Request) {
		rows, err := db.QueryContext(r.Context(), `SELECT email FROM users`)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer rows.Close()
		var emails []string
		for rows.Next() {
			var e string
			if err := rows.Scan(&e); err != nil {
				return
			}
			emails = append(emails, e)
		}
		_ = json.NewEncoder(w).Encode(emails)
	})
}
