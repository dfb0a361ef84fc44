package migrate

import (
	"database/sql"
	"embed"
	"io/fs"
	"sort"
	"strings"
)

//go:embed migrations
var migrationsFS embed.FS

//go:embed seed
var seedFS embed.FS

type version struct {
	name string
	file string
}

func versionsOf(names []string) []version {
	var out []version
	for _, n := range names {
		out = append(out, version{name: strings.TrimSuffix(n, ".sql"), file: n})
	}
	return out
}

// The files of an embedded file system are part of the binary: a loop over
// them runs once per shipped script, a fixed set, however many rows the
// database holds.
func Migrate(db *sql.DB) error {
	names, err := fs.Glob(migrationsFS, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, v := range versionsOf(names) {
		buf, err := migrationsFS.ReadFile(v.file)
		if err != nil {
			return err
		}
		if _, err := db.Exec(string(buf)); err != nil {
			return err
		}
		if _, err := db.Exec(`INSERT INTO schema_migrations (version) VALUES ($1)`, v.name); err != nil {
			return err
		}
	}
	return nil
}

func Seed(db *sql.DB) error {
	entries, err := seedFS.ReadDir("seed")
	if err != nil {
		return err
	}
	for _, e := range entries {
		var done bool
		if err := db.QueryRow(`SELECT EXISTS (SELECT 1 FROM seeds WHERE name = $1)`, e.Name()).Scan(&done); err != nil {
			return err
		}
		if done {
			continue
		}
		if err := applySeed(db, e.Name()); err != nil {
			return err
		}
	}
	return nil
}

func applySeed(db *sql.DB, name string) error {
	_, err := db.Exec(`INSERT INTO seeds (name) VALUES ($1)`, name)
	return err
}
