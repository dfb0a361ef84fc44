package parsers

import (
	"fmt"
	"io"
	"strings"
)

// Dump writes an indented outline of the tree below n: one node per line
// with its field name, type, line and, for leaves, text. It is a debugging
// aid for rule authors (hotpath tree FILE).
func Dump(w io.Writer, n Node, named bool) error {
	var err error
	var rec func(m Node, depth int)
	rec = func(m Node, depth int) {
		if err != nil {
			return
		}
		var b strings.Builder
		b.WriteString(strings.Repeat("  ", depth))
		if f := m.FieldName(); f != "" {
			b.WriteString(f + ": ")
		}
		b.WriteString(m.Type())
		fmt.Fprintf(&b, " [%d]", m.StartLine())
		if m.FirstChild().IsNull() && m.IsNamed() {
			t := m.Text()
			if len(t) > 60 {
				t = t[:60] + "…"
			}
			fmt.Fprintf(&b, " %q", t)
		}
		b.WriteByte('\n')
		_, err = io.WriteString(w, b.String())
		for c := m.FirstChild(); !c.IsNull(); c = c.NextSibling() {
			if c.IsNamed() || !named {
				rec(c, depth+1)
			}
		}
	}
	rec(n, 0)
	return err
}
