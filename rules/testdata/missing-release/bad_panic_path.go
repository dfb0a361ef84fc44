package migrate

import (
	"database/sql"
	"fmt"
)

// A panic on an unexpected schema leaves the transaction open; the HTTP
// server recovers the panic and the connection never comes back.
func Apply(db *sql.DB, version int, stmts []string) error {
	tx, err := db.Begin() // want "tx from db.Begin is not rolled back on the panic at line 17"
	if err != nil {
		return err
	}
	var current int
	if err := tx.QueryRow(`SELECT version FROM schema_version`).Scan(&current); err != nil || current > version {
		panic(fmt.Sprintf("schema at %d, cannot apply %d", current, version))
	}
	for _, s := range stmts {
		if _, err := tx.Exec(s); err != nil {
			tx.Rollback()
			return err
		}
	}
	return tx.Commit()
}
