package comments

import (
	"fmt"
	"net/url"
	"sort"
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
	type list struct {
		title string
		lines []string
		size  int // bytes of all lines
	}
	var lists []list
	room := MaxCommentBody - b.Len()
	for _, s := range sections {
		if len(s.items) == 0 {
			continue
		}
		l := list{title: fmt.Sprintf("\n**%s:**\n\n", s.title)}
		for _, a := range s.items {
			line := findingLine(in, a)
			l.lines = append(l.lines, line)
			l.size += len(line) + 1
		}
		room -= len(l.title)
		lists = append(lists, l)
	}
	budgets := shareBudget(room, lists, func(l list) int { return l.size })
	for i, l := range lists {
		b.WriteString(l.title)
		writeList(&b, l.lines, budgets[i], "")
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

// shareBudget splits room bytes between lists: a list that needs less
// than an equal share gets what it needs, and the others share the rest.
func shareBudget[T any](room int, lists []T, size func(T) int) []int {
	budgets := make([]int, len(lists))
	order := make([]int, len(lists))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return size(lists[order[a]]) < size(lists[order[b]]) })
	for k, i := range order {
		share := max(room, 0) / (len(order) - k)
		budgets[i] = min(size(lists[i]), share)
		room -= budgets[i]
	}
	return budgets
}

// writeList writes lines (each followed by a newline) if they all fit in
// budget bytes; otherwise as many as fit with room left for a final
// "- … and N more" line. more is appended to that line.
func writeList(b *strings.Builder, lines []string, budget int, more string) {
	total := 0
	for _, l := range lines {
		total += len(l) + 1
	}
	if total <= budget {
		for _, l := range lines {
			b.WriteString(l)
			b.WriteString("\n")
		}
		return
	}
	budget -= len("- … and  more\n") + len(more) + 20 // the count has at most 20 digits
	used := 0
	for i, l := range lines {
		if used+len(l)+1 > budget {
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
