package comments

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/sourcegraph/go-diff/diff"
)

// FileDiff is the parsed patch of one file: which lines of the head
// (RIGHT-side) version a review comment may be attached to, and which of
// them the pull request added.
//
// A nil *FileDiff is valid and has no commentable lines: it stands for a
// changed file whose patch GitHub did not send (binary, renamed without
// changes, or over GitHub's per-file diff limits).
type FileDiff struct {
	// Hunks in file order; their RIGHT-side ranges do not overlap.
	Hunks []Hunk
}

// Hunk is one "@@ -OldStart,OldLines +NewStart,NewLines @@" section.
//
// Its RIGHT-side lines are exactly NewStart..NewStart+NewLines-1: every one
// of them is an added or a context line, and each may carry a review
// comment. Deleted lines exist only on the LEFT side and are never
// commentable here.
type Hunk struct {
	OldStart, OldLines int
	NewStart, NewLines int
	// Added lists the RIGHT-side line numbers of added ("+") lines,
	// ascending.
	Added []int
}

// NewEnd returns the last RIGHT-side line of the hunk, or NewStart-1 when
// the hunk only deletes.
func (h *Hunk) NewEnd() int { return h.NewStart + h.NewLines - 1 }

// Contains reports whether RIGHT-side line n is inside the hunk.
func (h *Hunk) Contains(n int) bool { return h.NewLines > 0 && n >= h.NewStart && n <= h.NewEnd() }

// IsAdded reports whether RIGHT-side line n was added by this hunk.
func (h *Hunk) IsAdded(n int) bool {
	i := sort.SearchInts(h.Added, n)
	return i < len(h.Added) && h.Added[i] == n
}

// ErrInvalidPatch is wrapped by every error ParsePatch returns.
var ErrInvalidPatch = errors.New("invalid patch")

// ParsePatch parses the "patch" field GitHub returns for one file of a
// pull request (pulls/list-files): unified-diff hunks without file
// headers.
//
// An empty patch yields (nil, nil): GitHub omits the patch for binary
// files, pure renames and diffs over its per-file limits, and such a file
// has no commentable lines. CRLF line endings and "\ No newline at end of
// file" markers are accepted. Text that is not a well-formed sequence of
// hunks (a header whose counts disagree with its body, overlapping or
// unordered hunks, a stray line) yields an error wrapping ErrInvalidPatch;
// the caller should then treat the file as having no patch.
func ParsePatch(patch string) (*FileDiff, error) {
	if strings.TrimSpace(patch) == "" {
		return nil, nil
	}
	if !strings.HasPrefix(patch, "@@") {
		return nil, fmt.Errorf("%w: does not start with a hunk header", ErrInvalidPatch)
	}
	hunks, err := diff.ParseHunks([]byte(patch))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidPatch, err)
	}
	fd := &FileDiff{Hunks: make([]Hunk, 0, len(hunks))}
	prevStart, prevEnd := 0, 0
	for i, h := range hunks {
		out, err := walkHunk(h)
		if err != nil {
			return nil, fmt.Errorf("%w: hunk %d (@@ -%d,%d +%d,%d @@): %v", ErrInvalidPatch, i+1,
				h.OrigStartLine, h.OrigLines, h.NewStartLine, h.NewLines, err)
		}
		// Hunks must be in file order and must not overlap on the RIGHT
		// side; hunkIndex's binary search relies on it.
		if out.NewStart < prevStart || (out.NewLines > 0 && out.NewStart <= prevEnd) {
			return nil, fmt.Errorf("%w: hunk %d (+%d,%d) is out of order or overlaps the previous one",
				ErrInvalidPatch, i+1, out.NewStart, out.NewLines)
		}
		prevStart = out.NewStart
		if out.NewLines > 0 {
			prevEnd = out.NewEnd()
		}
		fd.Hunks = append(fd.Hunks, out)
	}
	return fd, nil
}

// walkHunk numbers the lines of one hunk body and checks them against the
// header's counts.
func walkHunk(h *diff.Hunk) (Hunk, error) {
	out := Hunk{
		OldStart: int(h.OrigStartLine), OldLines: int(h.OrigLines),
		NewStart: int(h.NewStartLine), NewLines: int(h.NewLines),
	}
	if out.OldStart < 0 || out.OldLines < 0 || out.NewStart < 0 || out.NewLines < 0 {
		return out, errors.New("negative line number or count")
	}
	if out.NewLines > 0 && out.NewStart == 0 {
		return out, errors.New("new-side lines start at line 0")
	}
	// go-diff appends '\n' to each body line, except that a "\ No newline
	// at end of file" marker after a new-side line removes it.
	body := h.Body
	if len(body) > 0 && body[len(body)-1] == '\n' {
		body = body[:len(body)-1]
	}
	oldN, newN := 0, 0
	line := out.NewStart
	for len(h.Body) > 0 {
		var l []byte
		l, body, _ = bytes.Cut(body, []byte{'\n'})
		kind := byte(' ') // an empty line is context whose space was stripped
		if len(l) > 0 {
			kind = l[0]
		}
		switch kind {
		case '+':
			out.Added = append(out.Added, line)
			line++
			newN++
		case '-':
			oldN++
		case ' ':
			line++
			oldN++
			newN++
		case '\\':
			// "\ No newline at end of file" in another wording: a marker,
			// not a line.
		default:
			return out, fmt.Errorf("line starts with %q", kind)
		}
		if body == nil {
			break
		}
	}
	if oldN != out.OldLines || newN != out.NewLines {
		return out, fmt.Errorf("body has %d old and %d new lines", oldN, newN)
	}
	return out, nil
}

// hunkIndex returns the index of the hunk whose RIGHT side contains line
// n, or -1. The hunks must be ordered as ParsePatch checks.
func (d *FileDiff) hunkIndex(n int) int {
	if d == nil {
		return -1
	}
	// Last hunk starting at or before n; deletion-only hunks in front of
	// it have no RIGHT-side lines, so step back over them.
	i := sort.Search(len(d.Hunks), func(i int) bool { return d.Hunks[i].NewStart > n }) - 1
	for i >= 0 && d.Hunks[i].NewLines == 0 {
		i--
	}
	if i >= 0 && d.Hunks[i].Contains(n) {
		return i
	}
	return -1
}

// Commentable reports whether RIGHT-side line n is inside a hunk (added or
// context), where GitHub accepts a review comment.
func (d *FileDiff) Commentable(n int) bool { return d.hunkIndex(n) >= 0 }

// IsAdded reports whether RIGHT-side line n was added by the change.
func (d *FileDiff) IsAdded(n int) bool {
	i := d.hunkIndex(n)
	return i >= 0 && d.Hunks[i].IsAdded(n)
}

// SameHunk reports whether RIGHT-side lines a and b are both inside one
// hunk, the condition GitHub puts on a multi-line comment's start_line
// and line.
func (d *FileDiff) SameHunk(a, b int) bool {
	i := d.hunkIndex(a)
	return i >= 0 && d.Hunks[i].Contains(b)
}

// AddedLines returns the number of added lines.
func (d *FileDiff) AddedLines() int {
	if d == nil {
		return 0
	}
	n := 0
	for i := range d.Hunks {
		n += len(d.Hunks[i].Added)
	}
	return n
}

// firstCommentable returns the first RIGHT-side line in [lo, hi] inside a
// hunk, or 0.
func (d *FileDiff) firstCommentable(lo, hi int) int {
	if d == nil {
		return 0
	}
	for i := range d.Hunks {
		h := &d.Hunks[i]
		if h.NewLines == 0 || h.NewEnd() < lo {
			continue
		}
		if h.NewStart > hi {
			return 0
		}
		return max(lo, h.NewStart)
	}
	return 0
}

// anyAdded reports whether a line in [lo, hi] was added.
func (d *FileDiff) anyAdded(lo, hi int) bool {
	if d == nil {
		return false
	}
	for i := range d.Hunks {
		h := &d.Hunks[i]
		if h.NewLines == 0 || h.NewEnd() < lo {
			continue
		}
		if h.NewStart > hi {
			return false
		}
		j := sort.SearchInts(h.Added, lo)
		if j < len(h.Added) && h.Added[j] <= hi {
			return true
		}
	}
	return false
}
