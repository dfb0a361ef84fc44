package comments

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hotpath-app/hotpath/parsers"
	"github.com/hotpath-app/hotpath/rules"
)

// MaxCommentBody is the longest body GitHub accepts for a review, a review
// comment or an issue comment: 65,536 characters, else 422 "body is too
// long" (github-contract.md L19: danger/danger#424,
// telia-oss/github-pr-resource#259, cpp-linter/cpp-linter#89; not in the
// OpenAPI description).
const MaxCommentBody = 65536

// maxRelated bounds the related locations listed in a comment.
const maxRelated = 20

// RenderOptions carry what RenderComment needs besides the finding.
type RenderOptions struct {
	// StartLine and Line are the comment's anchor (Anchored.StartLine and
	// Anchored.Line). A suggestion block is offered only for an anchored
	// comment.
	StartLine, Line int
	// Source is the head version of the finding's file. Without it a fix
	// cannot be verified, so only its description is shown.
	Source []byte
	// Parser re-parses the fixed source; nil means a temporary one. A
	// Parser must not be shared between goroutines.
	Parser *parsers.Parser
}

// RenderComment returns the markdown body of the inline comment for f: the
// marker, what is wrong (rule title and message), related locations, why
// it is slow, how to fix it, and a link to the rule's documentation.
//
// f.Fix becomes a GitHub suggestion block only when it is safe to apply
// with one click: the fix's lines lie within the anchored range (lines of
// the range outside the fix are repeated unchanged), and the file with the
// fix applied re-parses with no more syntax errors than before. A fix that
// passes the parse check but does not fit the anchor is shown as a plain
// code block; one that fails it is reduced to its description.
//
// The body never exceeds MaxCommentBody; when it would, the code block,
// then the explanation, then the message are shortened, and the marker is
// always kept.
func RenderComment(f rules.Finding, opts RenderOptions) string {
	rule := rules.ByID(f.Rule)
	var head strings.Builder
	head.WriteString(Marker(f.Fingerprint, f.Rule))
	head.WriteString("\n")
	fmt.Fprintf(&head, "**hotpath: %s** (`%s`, %s)\n\n", sanitize(capitalize(ruleTitle(f.Rule, rule))), f.Rule, f.Severity)

	msg := sanitize(f.Message)
	var related strings.Builder
	for i, r := range f.Related {
		if i == maxRelated {
			fmt.Fprintf(&related, "- … and %d more\n", len(f.Related)-i)
			break
		}
		fmt.Fprintf(&related, "- line %d: %s\n", r.Line, sanitize(oneLine(r.Message, 500)))
	}

	var why, fix string
	if rule != nil {
		if p := docParagraph(rule.Doc, "Why it matters"); p != "" {
			why = "**Why it matters:** " + p + "\n\n"
		}
	}
	howTo := ""
	if f.Fix != nil && strings.TrimSpace(f.Fix.Description) != "" {
		howTo = sanitize(oneLine(f.Fix.Description, 1000))
	} else if rule != nil {
		howTo = docParagraph(rule.Doc, "How to fix")
	}
	if howTo != "" {
		fix = "**How to fix:** " + howTo + "\n\n"
	}
	code := fixBlock(f, opts)

	var foot strings.Builder
	if rule != nil {
		fmt.Fprintf(&foot, "<sub>[Rule documentation](%s) · To silence it here, explain why in a comment: `// hotpath-ignore %s: <reason>`</sub>\n", rule.DocURL(), f.Rule)
	}

	build := func(msg, why, code string) string {
		var b strings.Builder
		b.WriteString(head.String())
		if msg != "" {
			b.WriteString(msg)
			b.WriteString("\n\n")
		}
		if related.Len() > 0 {
			b.WriteString(related.String())
			b.WriteString("\n")
		}
		b.WriteString(why)
		b.WriteString(fix)
		if code != "" {
			b.WriteString(code)
			b.WriteString("\n")
		}
		b.WriteString(foot.String())
		return b.String()
	}
	body := build(msg, why, code)
	if len(body) <= MaxCommentBody {
		return body
	}
	if code != "" {
		code = "_The suggested change is too long to show here._\n"
	}
	if body = build(msg, why, code); len(body) <= MaxCommentBody {
		return body
	}
	if body = build(msg, "", code); len(body) <= MaxCommentBody {
		return body
	}
	over := len(body) - MaxCommentBody
	body = build(truncate(msg, len(msg)-over), "", code)
	return truncate(body, MaxCommentBody) // related lines and fix text too long: cut the tail
}

// ruleTitle returns a rule's title, with a fallback for pseudo-rules.
func ruleTitle(id string, r *rules.Rule) string {
	switch {
	case r != nil && r.Title != "":
		return r.Title
	case id == rules.InvalidSuppression:
		return "invalid hotpath-ignore comment"
	}
	return id
}

// fixBlock renders f.Fix as a suggestion block, a plain code block, or ""
// (see RenderComment).
func fixBlock(f rules.Finding, opts RenderOptions) string {
	fx := f.Fix
	if fx == nil || opts.Source == nil || fx.StartLine < 1 || fx.EndLine < fx.StartLine {
		return ""
	}
	lines := splitLines(opts.Source)
	if fx.EndLine > len(lines) {
		return ""
	}
	rep := replacementLines(fx.Replacement)
	if sameLines(lines[fx.StartLine-1:fx.EndLine], rep) || !reparses(f.Path, opts, lines, fx, rep) {
		return ""
	}
	start, end := opts.StartLine, opts.Line
	if start == 0 {
		start = end
	}
	if end > 0 && start <= fx.StartLine && fx.EndLine <= end && end <= len(lines) {
		var content []string
		for _, l := range lines[start-1 : fx.StartLine-1] {
			content = append(content, strings.TrimSuffix(l, "\r"))
		}
		content = append(content, rep...)
		for _, l := range lines[fx.EndLine:end] {
			content = append(content, strings.TrimSuffix(l, "\r"))
		}
		return codeBlock("suggestion", content)
	}
	what := fmt.Sprintf("line %d", fx.StartLine)
	if fx.EndLine > fx.StartLine {
		what = fmt.Sprintf("lines %d–%d", fx.StartLine, fx.EndLine)
	}
	return fmt.Sprintf("Suggested replacement for %s:\n\n%s", what, codeBlock(langTag(f.Path), rep))
}

// reparses reports whether the file with fx applied parses with no more
// syntax errors than the original.
func reparses(path string, opts RenderOptions, lines []string, fx *rules.Fix, rep []string) bool {
	p := opts.Parser
	if p == nil {
		p = parsers.NewParser(parsers.Options{})
		defer p.Close()
	}
	ctx := context.Background()
	before, err := p.Parse(ctx, path, opts.Source)
	if err != nil {
		return false
	}
	fixed := make([]string, 0, len(lines)+len(rep))
	fixed = append(fixed, lines[:fx.StartLine-1]...)
	fixed = append(fixed, rep...)
	fixed = append(fixed, lines[fx.EndLine:]...)
	src := strings.Join(fixed, "\n")
	if len(opts.Source) > 0 && opts.Source[len(opts.Source)-1] == '\n' {
		src += "\n"
	}
	after, err := p.Parse(ctx, path, []byte(src))
	if err != nil {
		return false
	}
	return after.SyntaxErrors <= before.SyntaxErrors
}

// sameLines reports whether a fix would leave the lines unchanged.
func sameLines(orig, rep []string) bool {
	if len(orig) != len(rep) {
		return false
	}
	for i := range orig {
		if strings.TrimSuffix(orig[i], "\r") != rep[i] {
			return false
		}
	}
	return true
}

// splitLines splits source into lines without their '\n' (a final newline
// does not start another line).
func splitLines(src []byte) []string {
	s := string(src)
	s = strings.TrimSuffix(s, "\n")
	if s == "" && len(src) == 0 {
		return nil
	}
	return strings.Split(s, "\n")
}

// replacementLines splits a fix's replacement: "" deletes the lines, and a
// final newline does not add an empty line.
func replacementLines(rep string) []string {
	if rep == "" {
		return nil
	}
	rep = strings.TrimSuffix(strings.ReplaceAll(rep, "\r\n", "\n"), "\n")
	return strings.Split(rep, "\n")
}

// codeBlock fences lines with a fence longer than any backtick run inside
// them (minimum three), so the content cannot close the block early.
func codeBlock(info string, lines []string) string {
	longest := 0
	for _, l := range lines {
		run := 0
		for _, c := range l {
			if c == '`' {
				run++
				longest = max(longest, run)
			} else {
				run = 0
			}
		}
	}
	fence := strings.Repeat("`", max(3, longest+1))
	var b strings.Builder
	b.WriteString(fence + info + "\n")
	for _, l := range lines {
		b.WriteString(l)
		b.WriteString("\n")
	}
	b.WriteString(fence + "\n")
	return b.String()
}

// langTag returns the code block language for a path.
func langTag(path string) string {
	switch parsers.Detect(path) {
	case parsers.Go:
		return "go"
	case parsers.TypeScript:
		return "ts"
	case parsers.TSX:
		return "tsx"
	case parsers.JavaScript:
		return "js"
	}
	return ""
}

// docParagraph returns the first paragraph of the "## <heading>" section
// of a rule's markdown documentation, or "" when the section is missing,
// empty or a placeholder. Long paragraphs are cut at a word.
func docParagraph(doc, heading string) string {
	in := false
	var para []string
	for _, l := range strings.Split(doc, "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "#") {
			if in {
				break
			}
			in = t == "## "+heading
			continue
		}
		if !in {
			continue
		}
		if t == "" {
			if len(para) > 0 {
				break // end of the first paragraph
			}
			continue
		}
		para = append(para, t)
	}
	p := strings.Join(strings.Fields(strings.Join(para, " ")), " ")
	if p == "" || strings.EqualFold(p, "TODO") || strings.HasPrefix(p, "```") || strings.HasPrefix(p, "~~~") {
		return ""
	}
	return cutWords(p, 600)
}

// cutWords shortens s to at most n bytes at a word boundary, adding "…".
func cutWords(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = truncate(s, n-len("…"))
	if i := strings.LastIndexByte(s, ' '); i > n/2 {
		s = s[:i]
	}
	return s + "…"
}

// oneLine collapses whitespace and cuts s to at most n bytes.
func oneLine(s string, n int) string {
	return cutWords(strings.Join(strings.Fields(s), " "), n)
}

// capitalize upper-cases the first letter.
func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// truncate cuts s to at most n bytes on a rune boundary, ending with "…"
// when something was cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	const ell = "…"
	if n < len(ell) {
		return ""
	}
	cut := n - len(ell)
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + ell
}

// sanitize makes finding text (which quotes user code) safe to embed in
// markdown: outside inline code spans, "@name" cannot mention anyone, "<"
// cannot open HTML (or a fake marker), and a line cannot open a code
// fence. Code spans are kept verbatim.
func sanitize(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	lineStart := true
	for i := 0; i < len(s); {
		c := s[i]
		if c == '`' {
			n := run(s, i, '`')
			if lineStart && n >= 3 {
				b.WriteByte('\\') // would open a fenced block
			} else if end := closingRun(s, i+n, n); end >= 0 {
				b.WriteString(s[i:end])
				i = end
				lineStart = false
				continue
			}
			b.WriteString(s[i : i+n])
			i += n
			lineStart = false
			continue
		}
		switch {
		case c == '<':
			b.WriteString("&lt;")
		case c == '@' && i+1 < len(s) && isWordByte(s[i+1]):
			b.WriteString("@\u200b") // a zero-width space breaks the mention
		case lineStart && c == '~' && run(s, i, '~') >= 3:
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
		lineStart = c == '\n' || (lineStart && c == ' ')
		i++
	}
	return b.String()
}

// run counts the bytes equal to c starting at s[i].
func run(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// closingRun returns the index just past the first run of exactly n
// backticks at or after i, or -1.
func closingRun(s string, i, n int) int {
	for i < len(s) {
		if s[i] != '`' {
			i++
			continue
		}
		m := run(s, i, '`')
		if m == n {
			return i + m
		}
		i += m
	}
	return -1
}

func isWordByte(c byte) bool {
	return c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
