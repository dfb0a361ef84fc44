package migrate

import (
	"database/sql"
	"embed"
	"io/fs"
	"os"
)

//go:embed templates
var templatesFS embed.FS

// Near misses: a directory read at run time (uploads, a data directory)
// holds data, and rows read inside a loop over embedded files are still
// one query per row.
func ImportUploads(db *sql.DB, dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if _, err := db.Exec(`INSERT INTO uploads (name) VALUES ($1)`, e.Name()); err != nil { // want "query-in-loop: db.Exec runs once per iteration of the loop on line 21"
			return err
		}
	}
	names, err := fs.Glob(os.DirFS(dir), "*.csv")
	if err != nil {
		return err
	}
	for _, name := range names {
		if _, err := db.Exec(`DELETE FROM imports WHERE file = $1`, name); err != nil { // want "query-in-loop: db.Exec runs once per iteration of the loop on line 30"
			return err
		}
	}
	return nil
}

func Render(db *sql.DB, ids []int64) error {
	names, err := fs.Glob(templatesFS, "templates/*.tmpl")
	if err != nil {
		return err
	}
	for _, name := range names {
		for _, id := range ids {
			if _, err := db.Exec(`UPDATE pages SET template = $1 WHERE id = $2`, name, id); err != nil { // want "query-in-loop: db.Exec runs once per iteration of the loop on line 44"
				return err
			}
		}
	}
	return nil
}
