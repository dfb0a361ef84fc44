package render

import (
	"strings"
	"text/template"
)

// Nothing database-like is imported: a value merely named db is not a
// database, and Exec here is a template's.
type fakeDB map[string]string

func (f fakeDB) Query(k string) string { return f[k] }

func Render(db fakeDB, tmpl *template.Template, keys []string) string {
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(db.Query(k))
		tmpl.Execute(&b, k)
	}
	return b.String()
}
