package fakegithub

import (
	"fmt"
	"strconv"
	"strings"
)

// hunk holds the commentable lines of one diff hunk.
type hunk struct {
	right map[int]bool // head-file lines: added and context
	left  map[int]bool // base-file lines: deleted and context
}

// parseHunks parses GitHub's per-file patch ("@@ -a,b +c,d @@ ..." hunks).
func parseHunks(patch string) []hunk {
	var out []hunk
	var cur *hunk
	oldLine, newLine := 0, 0
	for _, line := range strings.Split(patch, "\n") {
		if strings.HasPrefix(line, "@@") {
			o, n, ok := parseHunkHeader(line)
			if !ok {
				cur = nil
				continue
			}
			out = append(out, hunk{right: map[int]bool{}, left: map[int]bool{}})
			cur = &out[len(out)-1]
			oldLine, newLine = o, n
			continue
		}
		if cur == nil || line == "" {
			continue
		}
		switch line[0] {
		case '+':
			cur.right[newLine] = true
			newLine++
		case '-':
			cur.left[oldLine] = true
			oldLine++
		case ' ':
			cur.right[newLine] = true
			cur.left[oldLine] = true
			newLine++
			oldLine++
		case '\\': // "\ No newline at end of file"
		}
	}
	return out
}

func parseHunkHeader(h string) (oldStart, newStart int, ok bool) {
	// @@ -a[,b] +c[,d] @@ optional section
	fields := strings.Fields(h)
	if len(fields) < 3 || !strings.HasPrefix(fields[1], "-") || !strings.HasPrefix(fields[2], "+") {
		return 0, 0, false
	}
	o, err1 := strconv.Atoi(strings.SplitN(fields[1][1:], ",", 2)[0])
	n, err2 := strconv.Atoi(strings.SplitN(fields[2][1:], ",", 2)[0])
	if err1 != nil || err2 != nil {
		return 0, 0, false
	}
	return o, n, true
}

// hunkOf returns the index of the hunk containing line on side, or -1.
func hunkOf(hunks []hunk, side string, line int) int {
	for i, h := range hunks {
		set := h.right
		if side == "LEFT" {
			set = h.left
		}
		if set[line] {
			return i
		}
	}
	return -1
}

func lineInDiff(files []File, path, side string, line int) bool {
	for _, f := range files {
		if f.Path == path {
			return hunkOf(parseHunks(f.Patch), side, line) >= 0
		}
	}
	return false
}

func countChanges(patch string) (adds, dels int) {
	for _, l := range strings.Split(patch, "\n") {
		switch {
		case strings.HasPrefix(l, "@@"):
		case strings.HasPrefix(l, "+"):
			adds++
		case strings.HasPrefix(l, "-"):
			dels++
		}
	}
	return adds, dels
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// AddedPatch returns the patch GitHub shows for a new file with content.
func AddedPatch(content string) string {
	lines := splitLines(content)
	var b strings.Builder
	fmt.Fprintf(&b, "@@ -0,0 +1,%d @@", len(lines))
	for _, l := range lines {
		b.WriteString("\n+" + l)
	}
	return b.String()
}

// DiffPatch returns a unified diff (3 lines of context, GitHub's per-file
// patch format without file headers) turning oldContent into newContent.
func DiffPatch(oldContent, newContent string) string {
	a, b := splitLines(oldContent), splitLines(newContent)
	ops := diffLines(a, b)
	const ctx = 3
	// Group ops into hunks: changes plus up to ctx lines of context around them.
	type op struct {
		kind       byte // ' ', '-', '+'
		text       string
		oldN, newN int // 1-based line numbers before this op
	}
	var seq []op
	o, n := 1, 1
	for _, d := range ops {
		seq = append(seq, op{d.kind, d.text, o, n})
		switch d.kind {
		case ' ':
			o++
			n++
		case '-':
			o++
		case '+':
			n++
		}
	}
	type span struct{ lo, hi int }
	var spans []span
	for i, s := range seq {
		if s.kind == ' ' {
			continue
		}
		lo, hi := max(i-ctx, 0), min(i+ctx+1, len(seq))
		if len(spans) > 0 && lo <= spans[len(spans)-1].hi {
			spans[len(spans)-1].hi = max(spans[len(spans)-1].hi, hi)
			continue
		}
		spans = append(spans, span{lo, hi})
	}
	var out []string
	for _, sp := range spans {
		oldStart, newStart := seq[sp.lo].oldN, seq[sp.lo].newN
		oldCount, newCount := 0, 0
		var body []string
		for _, s := range seq[sp.lo:sp.hi] {
			body = append(body, string(s.kind)+s.text)
			if s.kind != '+' {
				oldCount++
			}
			if s.kind != '-' {
				newCount++
			}
		}
		if oldCount == 0 {
			oldStart--
		}
		if newCount == 0 {
			newStart--
		}
		out = append(out, fmt.Sprintf("@@ -%d,%d +%d,%d @@", oldStart, oldCount, newStart, newCount))
		out = append(out, body...)
	}
	return strings.Join(out, "\n")
}

type diffOp struct {
	kind byte
	text string
}

// diffLines is an LCS line diff after trimming the common prefix and suffix;
// very large middles are replaced wholesale.
func diffLines(a, b []string) []diffOp {
	var ops []diffOp
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		ops = append(ops, diffOp{' ', a[p]})
		p++
	}
	sa, sb := len(a), len(b)
	for sa > p && sb > p && a[sa-1] == b[sb-1] {
		sa--
		sb--
	}
	ma, mb := a[p:sa], b[p:sb]
	if len(ma)*len(mb) > 4_000_000 {
		for _, l := range ma {
			ops = append(ops, diffOp{'-', l})
		}
		for _, l := range mb {
			ops = append(ops, diffOp{'+', l})
		}
	} else {
		// lcs[i][j] = LCS length of ma[i:], mb[j:]
		lcs := make([][]int32, len(ma)+1)
		for i := range lcs {
			lcs[i] = make([]int32, len(mb)+1)
		}
		for i := len(ma) - 1; i >= 0; i-- {
			for j := len(mb) - 1; j >= 0; j-- {
				if ma[i] == mb[j] {
					lcs[i][j] = lcs[i+1][j+1] + 1
				} else {
					lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
				}
			}
		}
		i, j := 0, 0
		for i < len(ma) || j < len(mb) {
			switch {
			case i < len(ma) && j < len(mb) && ma[i] == mb[j]:
				ops = append(ops, diffOp{' ', ma[i]})
				i++
				j++
			case i < len(ma) && (j == len(mb) || lcs[i+1][j] >= lcs[i][j+1]):
				ops = append(ops, diffOp{'-', ma[i]}) // deletions first, as git does
				i++
			default:
				ops = append(ops, diffOp{'+', mb[j]})
				j++
			}
		}
	}
	for k := sa; k < len(a); k++ {
		ops = append(ops, diffOp{' ', a[k]})
	}
	return ops
}
