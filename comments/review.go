package comments

import (
	"fmt"
	"net/url"
	"strings"
)

// ReviewInput is what ReviewBody summarises.
type ReviewInput struct {
	// HeadSHA is the commit reviewed; it goes into the review marker and
	// the links.
	HeadSHA string
	// RepoURL is the repository's web address (html_url, for example
	// https://github.com/owner/repo); empty means plain file:line text
	// instead of links.
	RepoURL string
	// Inline is the number of comments posted with this review.
	Inline int
	// AlreadyPosted is the number of findings covered by earlier comments.
	AlreadyPosted int
	// MaxComments is the cap that produced Overflow (for the explanation).
	MaxComments int
	// Overflow are new findings over the cap (Plan.Overflow).
	Overflow []Anchored
	// Rejected are findings whose anchors GitHub refused with 422 and that
	// were moved out of the review's inline comments.
	Rejected []Anchored
}

// NeedsReview reports whether the plan has anything to post as a review:
// new inline comments or findings over the cap.
func (p Plan) NeedsReview() bool { return len(p.Post) > 0 || len(p.Overflow) > 0 }

// ReviewBody returns the top-level body of the review (always posted with
// ReviewEvent): the review marker, counts, and one line per finding that
// is not an inline comment, with a link to its file and line. It never
// exceeds MaxCommentBody: lists that do not fit end with an explicit
// "… and N more".
func ReviewBody(in ReviewInput) string {
	var b strings.Builder
	if in.HeadSHA != "" {
		b.WriteString(ReviewMarker(in.HeadSHA))
		b.WriteString("\n")
	}
	total := in.Inline + len(in.Overflow) + len(in.Rejected)
	fmt.Fprintf(&b, "**hotpath** found %s in this change", plural(total, "new performance problem"))
	var parts []string
	if in.Inline > 0 {
		parts = append(parts, fmt.Sprintf("%d as inline comments", in.Inline))
	}
	if n := len(in.Overflow) + len(in.Rejected); n > 0 {
		parts = append(parts, fmt.Sprintf("%d listed below", n))
	}
	if len(parts) > 0 {
		b.WriteString(": " + strings.Join(parts, ", "))
	}
	b.WriteString(".")
	if in.AlreadyPosted > 0 {
		fmt.Fprintf(&b, " %s already commented on earlier %s not repeated.", plural(in.AlreadyPosted, "finding"), isAre(in.AlreadyPosted))
	}
	b.WriteString(" The **hotpath** check run lists every finding.\n")

	overTitle := fmt.Sprintf("Over the limit of %d inline comments per review", in.MaxComments)
	if in.MaxComments <= 0 {
		overTitle = "Not commented inline (comments.max_comments is 0)"
	}
	sections := []struct {
		title string
		items []Anchored
	}{
		{overTitle, in.Overflow},
		{"Could not be attached to the diff", in.Rejected},
	}
	// Reserve room for every section's title and "and N more" line, so a
	// long first list cannot crowd out the second.
	reserve := 0
	for _, s := range sections {
		if len(s.items) > 0 {
			reserve += len(s.title) + 200
		}
	}
	for _, s := range sections {
		if len(s.items) == 0 {
			continue
		}
		reserve -= len(s.title) + 200
		fmt.Fprintf(&b, "\n**%s:**\n\n", s.title)
		budget := MaxCommentBody - b.Len() - reserve
		lines := make([]string, len(s.items))
		for i, a := range s.items {
			lines[i] = findingLine(in, a)
		}
		writeList(&b, lines, budget, "")
	}
	return truncate(b.String(), MaxCommentBody)
}

// findingLine renders one finding as a list item with a link.
func findingLine(in ReviewInput, a Anchored) string {
	f := a.Finding
	loc := fmt.Sprintf("%s:%d", f.Path, f.Line)
	where := "`" + strings.ReplaceAll(loc, "`", "'") + "`"
	if in.RepoURL != "" && in.HeadSHA != "" {
		where = fmt.Sprintf("[%s](%s)", where, blobURL(in.RepoURL, in.HeadSHA, f.Path, f.Line, f.EndLine))
	}
	return fmt.Sprintf("- %s %s `%s`: %s", f.Severity, where, f.Rule, sanitize(oneLine(f.Message, 300)))
}

// blobURL links to lines of a file at a commit.
func blobURL(repoURL, sha, path string, line, endLine int) string {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	u := fmt.Sprintf("%s/blob/%s/%s#L%d", strings.TrimSuffix(repoURL, "/"), sha, strings.Join(segs, "/"), line)
	if endLine > line {
		u += fmt.Sprintf("-L%d", endLine)
	}
	return u
}

// writeList writes lines (each followed by a newline) while they fit in
// budget bytes, then "… and N more" for the rest. The closing text, when
// given, follows the list.
func writeList(b *strings.Builder, lines []string, budget int, more string) {
	const moreRoom = 80 // "… and 123456 more…" line
	used := 0
	for i, l := range lines {
		need := len(l) + 1
		if i < len(lines)-1 {
			need += moreRoom // keep room to say how many are left
		}
		if used+need > budget {
			fmt.Fprintf(b, "- … and %d more%s\n", len(lines)-i, more)
			return
		}
		b.WriteString(l)
		b.WriteString("\n")
		used += len(l) + 1
	}
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}
