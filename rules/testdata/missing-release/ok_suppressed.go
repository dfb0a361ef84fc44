package legacy

import "database/sql"

func Leaky(db *sql.DB) int {
	// hotpath-ignore missing-release: the process exits right after this call
	rows, err := db.Query(`SELECT 1`)
	if err != nil {
		return 0
	}
	n := 0
	for rows.Next() {
		n++
	}
	return n
}
