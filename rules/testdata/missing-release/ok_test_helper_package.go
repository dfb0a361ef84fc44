// A helper package for tests (not a _test.go file): it imports testing and
// is only linked into test binaries.
package fixtures

import (
	"database/sql"
	"testing"
)

func CountRows(t testing.TB, db *sql.DB, table string) int {
	t.Helper()
	rows, err := db.Query("SELECT id FROM " + table)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for rows.Next() {
		n++
	}
	return n
}
