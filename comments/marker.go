package comments

import (
	"fmt"
	"regexp"
	"strings"
)

// Marker returns the hidden HTML comment that identifies an inline comment
// as hotpath's comment about the finding with fingerprint fp:
//
//	<!-- hotpath:fp=<fingerprint> rule=<rule-id> -->
//
// RenderComment puts it on the first line of every comment body, where
// truncation cannot cut it off. GitHub does not render it.
func Marker(fp, rule string) string {
	return fmt.Sprintf("<!-- hotpath:fp=%s rule=%s -->", fp, rule)
}

// The marker grammar is strict: a line of its own holding only the HTML
// comment, with a fingerprint of word characters and a kebab-case rule ID.
// Whitespace inside the comment and after it is tolerated; more than three
// spaces of indentation would make it an indented code block.
var (
	markerRE       = regexp.MustCompile(`^ {0,3}<!--\s*hotpath:fp=([0-9A-Za-z_-]{1,128})\s+rule=([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\s*-->\s*$`)
	reviewMarkerRE = regexp.MustCompile(`^ {0,3}<!--\s*hotpath:review\s+sha=([0-9a-fA-F]{7,64})\s*-->\s*$`)
)

// ParseMarker returns the fingerprint and rule ID of the first marker in
// body. Only a marker on a line of its own counts, and never one inside a
// fenced code block, so text quoting a marker does not fool it. (The
// pipeline only looks at comments the App wrote; the strictness is a second
// guard.)
func ParseMarker(body string) (fp, rule string, ok bool) {
	m := firstMarkerLine(body, markerRE)
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// ReviewMarker returns the hidden HTML comment that ReviewBody puts on the
// first line of a review: it records the head SHA reviewed, so a retried
// job can see that its review was already posted.
func ReviewMarker(headSHA string) string {
	return fmt.Sprintf("<!-- hotpath:review sha=%s -->", headSHA)
}

// ParseReviewMarker returns the head SHA of the review marker in body,
// with ParseMarker's strictness.
func ParseReviewMarker(body string) (headSHA string, ok bool) {
	m := firstMarkerLine(body, reviewMarkerRE)
	if m == nil {
		return "", false
	}
	return m[1], true
}

// firstMarkerLine returns the submatches of the first line of body outside
// fenced code blocks that matches re.
func firstMarkerLine(body string, re *regexp.Regexp) []string {
	var fence string // the open fence's character run, "" outside a block
	for len(body) > 0 {
		var line string
		line, body, _ = strings.Cut(body, "\n")
		line = strings.TrimSuffix(line, "\r")
		if f := fenceRun(line); f != "" {
			switch {
			case fence == "":
				fence = f
				continue
			case f[0] == fence[0] && len(f) >= len(fence) && strings.TrimSpace(strings.TrimLeft(line, " ")[len(f):]) == "":
				fence = ""
				continue
			}
		}
		if fence != "" {
			continue
		}
		if strings.Contains(line, "hotpath:") {
			if m := re.FindStringSubmatch(line); m != nil {
				return m
			}
		}
	}
	return nil
}

// fenceRun returns the run of backticks or tildes (three or more) that
// starts a CommonMark fence line (up to three spaces of indentation), or
// "".
func fenceRun(line string) string {
	trimmed := strings.TrimLeft(line, " ")
	if len(line)-len(trimmed) > 3 || len(trimmed) < 3 {
		return ""
	}
	c := trimmed[0]
	if c != '`' && c != '~' {
		return ""
	}
	n := 0
	for n < len(trimmed) && trimmed[n] == c {
		n++
	}
	if n < 3 {
		return ""
	}
	if c == '`' && strings.ContainsRune(trimmed[n:], '`') {
		return "" // an info string with a backtick: not a fence
	}
	return trimmed[:n]
}
