//go:build ignore

package templates

import (
	"bytes"
	"embed"
	"fmt"
	htmltpl "html/template"
	"io/fs"
	"path"
	"strings"
	texttpl "text/template"
)

//go:embed files/*.html files/*.txt
var files embed.FS

// Set holds every template, parsed once at start-up.
type Set struct {
	html map[string]*htmltpl.Template
	text map[string]*texttpl.Template
}

// Load parses the embedded templates.
func Load() (*Set, error) {
	s := &Set{html: map[string]*htmltpl.Template{}, text: map[string]*texttpl.Template{}}
	entries, err := fs.ReadDir(files, "files")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		name := e.Name()
		base := strings.TrimSuffix(name, path.Ext(name))
		switch path.Ext(name) {
		case ".html":
			t, err := htmltpl.ParseFS(files, "files/"+name)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			s.html[base] = t
		case ".txt":
			t, err := texttpl.ParseFS(files, "files/"+name)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			s.text[base] = t
		}
	}
	return s, nil
}

// Has reports whether a template exists in either form.
func (s *Set) Has(name string) bool {
	_, h := s.html[name]
	_, t := s.text[name]
	return h || t
}

// Text renders the plain-text form (SMS, push).
func (s *Set) Text(name string, data any) (string, error) {
	t, ok := s.text[name]
	if !ok {
		return "", fmt.Errorf("no text template %q", name)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return "", err
	}
	return buf.String(), nil
}
