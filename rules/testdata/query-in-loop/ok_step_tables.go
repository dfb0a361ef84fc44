package upgrade

import (
	"database/sql"
	"fmt"
)

// upgradeSteps is a table of code: one function per schema version. Loops
// over it run each step once, however many there are; the bookkeeping
// write next to each step is part of that step's transaction.
var upgradeSteps = []func(tx *sql.Tx) error{
	func(tx *sql.Tx) error { _, err := tx.Exec(`CREATE TABLE a (id int)`); return err },
	func(tx *sql.Tx) error { _, err := tx.Exec(`CREATE TABLE b (id int)`); return err },
}

func Upgrade(db *sql.DB, latest int) error {
	var current int
	if err := db.QueryRow(`SELECT version FROM schema_info`).Scan(&current); err != nil {
		return err
	}
	for v := current; v < latest; v++ {
		tx, err := db.Begin()
		if err != nil {
			return err
		}
		if err := upgradeSteps[v](tx); err != nil {
			tx.Rollback()
			return fmt.Errorf("step %d: %w", v+1, err)
		}
		if _, err := tx.Exec(`UPDATE schema_info SET version = $1`, v+1); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

func Seed(db *sql.DB, seeders []func(*sql.Tx) error) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for i, seed := range seeders {
		if err := seed(tx); err != nil {
			return err
		}
		if _, err := tx.Exec(`INSERT INTO seed_log (step) VALUES ($1)`, i); err != nil {
			return err
		}
	}
	return tx.Commit()
}
