package handlers

import (
	"database/sql"
	"encoding/json"
	"net/http"
)

// DB is declared in another file of this package (var DB *sql.DB); the file
// imports database/sql, so DB.Query is a database call.

type Comment struct {
	ID     int64
	PostID int64
	Body   string
}

func Comments(w http.ResponseWriter, r *http.Request) {
	var postIDs []int64
	json.NewDecoder(r.Body).Decode(&postIDs)
	var out []Comment
	for _, pid := range postIDs {
		rows, err := DB.Query("SELECT id, body FROM comments WHERE post_id = $1", pid) // want "query-in-loop: DB.Query runs once per iteration of the loop on line 22 \\(N\\+1 queries\\)"
		if err != nil {
			if err == sql.ErrNoRows {
				continue
			}
			http.Error(w, err.Error(), 500)
			return
		}
		for rows.Next() {
			c := Comment{PostID: pid}
			rows.Scan(&c.ID, &c.Body)
			out = append(out, c)
		}
		rows.Close()
	}
	json.NewEncoder(w).Encode(out)
}
