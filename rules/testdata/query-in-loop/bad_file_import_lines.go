package importer

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
)

// One INSERT per line of the file.
func ImportEmails(ctx context.Context, db *sql.DB, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		email := strings.TrimSpace(sc.Text())
		if _, err := db.ExecContext(ctx, "INSERT INTO subscribers (email) VALUES ($1)", email); err != nil { // want "query-in-loop: db.ExecContext runs once per iteration of the loop on line 20 \\(one write per item\\)"
			return err
		}
	}
	return sc.Err()
}

// An interactive prompt runs once per line the user types: not N+1.
func Prompt(ctx context.Context, db *sql.DB) {
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		var n int
		db.QueryRowContext(ctx, "SELECT count(*) FROM subscribers WHERE email = $1", in.Text()).Scan(&n)
		fmt.Println(n)
	}
}
