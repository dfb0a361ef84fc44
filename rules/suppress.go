package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// A suppression comment silences findings:
//
//	// hotpath-ignore query-in-loop: the list holds at most 3 regions
//	// hotpath-ignore query-in-loop,missing-release: reason
//	/* hotpath-ignore sync-api-in-async: runs once at start-up */
//	// hotpath-ignore-file cache-without-ttl: fixture data, never evicted
//
// A line suppression covers findings that start on its own line or on the
// line after it. A file suppression must sit in the file's leading
// comments. Both need known rule IDs and a reason after the colon; a
// malformed one is reported as an invalid-suppression finding.
type suppression struct {
	file  bool
	rules []string
	line  int // the comment's last line
	// alone is true when the comment has a line to itself; it then covers
	// the next line too. A comment sharing a line with code covers only it.
	alone bool
	node  parsers.Node
}

var suppressRE = regexp.MustCompile(`^(?://+|/\*+)\s*hotpath-ignore(-file)?\b(.*?)(?:\*+/)?\s*$`)

// parseSuppressions finds suppression comments. Malformed ones are returned
// as findings.
func parseSuppressions(f *parsers.File) ([]suppression, []Finding) {
	var sups []suppression
	var bad []Finding
	firstCode := firstCodeOffset(f)
	for _, c := range f.Comments() {
		text := c.Text()
		if !strings.Contains(text, "hotpath-ignore") {
			continue
		}
		m := suppressRE.FindStringSubmatch(strings.TrimSpace(text))
		if m == nil {
			continue // mentions the word but is prose, not a directive
		}
		isFile := m[1] != ""
		rest := strings.TrimSpace(m[2])
		report := func(msg string) {
			line, col := f.Position(c.StartByte())
			endLine, endCol := f.Position(c.EndByte())
			bad = append(bad, Finding{Rule: InvalidSuppression, Path: f.Path, Line: line, Column: col,
				EndLine: endLine, EndColumn: endCol, Severity: Warning, Message: msg,
				Snippet: collapse(text)})
		}
		ids, reason, ok := strings.Cut(rest, ":")
		if !ok || strings.TrimSpace(reason) == "" {
			report("suppression needs a reason: `hotpath-ignore <rule-id>: <why this is fine>`")
			continue
		}
		var list []string
		unknown := ""
		for _, id := range strings.Split(ids, ",") {
			id = strings.TrimSpace(id)
			if id == "" {
				continue
			}
			if ByID(id) == nil {
				unknown = id
				break
			}
			list = append(list, id)
		}
		if unknown != "" {
			report(fmt.Sprintf("suppression names unknown rule %q (known: %s)", unknown, strings.Join(IDs(), ", ")))
			continue
		}
		if len(list) == 0 {
			report("suppression names no rule: `hotpath-ignore <rule-id>: <reason>`")
			continue
		}
		if isFile && c.StartByte() > firstCode {
			report("hotpath-ignore-file must be in the comments at the top of the file")
			continue
		}
		sups = append(sups, suppression{file: isFile, rules: list, line: c.EndLine(), node: c, alone: aloneOnLine(f, c)})
	}
	return sups, bad
}

// firstCodeOffset returns the offset of the first top-level node that is not
// a comment (or the package clause in Go, which may follow the header).
func firstCodeOffset(f *parsers.File) uint32 {
	for c := f.Root().FirstChild(); !c.IsNull(); c = c.NextSibling() {
		if c.Type() == "comment" || c.Type() == "hash_bang_line" || c.Type() == "package_clause" {
			continue
		}
		return c.StartByte()
	}
	return uint32(len(f.Src))
}

func (s suppression) covers(fd Finding) bool {
	if !contains(s.rules, fd.Rule) {
		return false
	}
	if s.file {
		return true
	}
	if fd.Line == s.line || fd.Line == s.node.StartLine() {
		return true
	}
	return s.alone && fd.Line == s.line+1
}

// aloneOnLine reports whether only white space surrounds comment c on its
// first and last lines.
func aloneOnLine(f *parsers.File, c parsers.Node) bool {
	src := f.Src
	for i := int(c.StartByte()) - 1; i >= 0 && src[i] != '\n'; i-- {
		if src[i] != ' ' && src[i] != '\t' {
			return false
		}
	}
	for i := int(c.EndByte()); i < len(src) && src[i] != '\n'; i++ {
		if src[i] != ' ' && src[i] != '\t' && src[i] != '\r' {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
