package comments

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/hotpath-app/hotpath/parsers"
	"github.com/hotpath-app/hotpath/rules"
)

const goSrc = `package main

func load(db *DB, ids []int) {
	for _, id := range ids {
		db.Query(id)
	}
}
`

func loopFinding() rules.Finding {
	return rules.Finding{
		Rule: "query-in-loop", Path: "store/load.go", Line: 5, Column: 3, EndLine: 5, EndColumn: 15,
		Severity: rules.Warning, Message: "`db.Query` runs once per element of `ids`",
		Related:     []rules.Related{{Line: 4, Column: 2, Message: "the loop"}},
		Fingerprint: "00112233aabbccdd",
	}
}

// fenced returns the code block with the given info string in body, or "".
func fenced(body, info string) string {
	lines := strings.Split(body, "\n")
	for i, l := range lines {
		f := fenceRun(l)
		if f == "" || strings.TrimPrefix(l, f) != info {
			continue
		}
		for j := i + 1; j < len(lines); j++ {
			if lines[j] == f {
				return strings.Join(lines[i+1:j], "\n")
			}
		}
	}
	return ""
}

func TestRenderCommentSuggestions(t *testing.T) {
	p := parsers.NewParser(parsers.Options{})
	defer p.Close()
	src := []byte(goSrc)
	tests := []struct {
		name       string
		fix        *rules.Fix
		start, end int // anchor
		source     []byte
		suggestion string // "" = no suggestion block
		plain      string // contents of a ```go block, "" = none
		fixText    string // text that must appear
	}{
		{
			name: "fix equals the anchor",
			fix:  &rules.Fix{Description: "pass the context", StartLine: 5, EndLine: 5, Replacement: "\t\tdb.QueryContext(ctx, id)"},
			end:  5, source: src,
			suggestion: "\t\tdb.QueryContext(ctx, id)",
			fixText:    "**How to fix:** pass the context",
		},
		{
			name:  "fix inside a wider anchor repeats the other lines",
			fix:   &rules.Fix{Description: "d", StartLine: 5, EndLine: 5, Replacement: "\t\tdb.QueryContext(ctx, id)\n"},
			start: 4, end: 6, source: src,
			suggestion: "\tfor _, id := range ids {\n\t\tdb.QueryContext(ctx, id)\n\t}",
		},
		{
			name:  "multi-line fix replacing the loop",
			fix:   &rules.Fix{Description: "batch", StartLine: 4, EndLine: 6, Replacement: "\tdb.QueryMany(ids)"},
			start: 4, end: 6, source: src,
			suggestion: "\tdb.QueryMany(ids)",
		},
		{
			name: "deleting the lines is an empty suggestion",
			fix:  &rules.Fix{Description: "remove", StartLine: 5, EndLine: 5, Replacement: ""},
			end:  5, source: src,
			suggestion: "",
			fixText:    "```suggestion\n```",
		},
		{
			name: "fix that does not re-parse is not offered",
			fix:  &rules.Fix{Description: "broken", StartLine: 5, EndLine: 5, Replacement: "\t\tdb.Query(id"},
			end:  5, source: src,
			fixText: "**How to fix:** broken",
		},
		{
			name: "fix outside the anchor is plain text",
			fix:  &rules.Fix{Description: "elsewhere", StartLine: 6, EndLine: 6, Replacement: "\t} // done"},
			end:  5, source: src,
			plain:   "\t} // done",
			fixText: "Suggested replacement for line 6:",
		},
		{
			name: "no source, no code",
			fix:  &rules.Fix{Description: "pass the context", StartLine: 5, EndLine: 5, Replacement: "\t\tdb.QueryContext(ctx, id)"},
			end:  5,
		},
		{
			name: "fix that changes nothing is not offered",
			fix:  &rules.Fix{Description: "same", StartLine: 5, EndLine: 5, Replacement: "\t\tdb.Query(id)\n"},
			end:  5, source: src,
			fixText: "**How to fix:** same",
		},
		{
			name: "fix beyond the end of the file",
			fix:  &rules.Fix{Description: "d", StartLine: 8, EndLine: 9, Replacement: "x"},
			end:  5, source: src,
		},
		{
			name:   "unanchored comment gets no suggestion",
			fix:    &rules.Fix{Description: "d", StartLine: 5, EndLine: 5, Replacement: "\t\tdb.QueryContext(ctx, id)"},
			source: src,
			plain:  "\t\tdb.QueryContext(ctx, id)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := loopFinding()
			f.Fix = tt.fix
			for _, parser := range []*parsers.Parser{p, nil} {
				body := RenderComment(f, RenderOptions{StartLine: tt.start, Line: tt.end, Source: tt.source, Parser: parser})
				hasSuggestion := strings.Contains(body, "```suggestion\n")
				wantSuggestion := tt.suggestion != "" || strings.Contains(tt.fixText, "```suggestion")
				if hasSuggestion != wantSuggestion {
					t.Fatalf("suggestion block present = %v, want %v:\n%s", hasSuggestion, wantSuggestion, body)
				}
				if got := fenced(body, "suggestion"); got != tt.suggestion {
					t.Errorf("suggestion = %q, want %q", got, tt.suggestion)
				}
				if got := fenced(body, "go"); got != tt.plain {
					t.Errorf("plain block = %q, want %q", got, tt.plain)
				}
				if !strings.Contains(body, tt.fixText) {
					t.Errorf("body lacks %q:\n%s", tt.fixText, body)
				}
			}
		})
	}
}

func TestRenderCommentContent(t *testing.T) {
	f := loopFinding()
	body := RenderComment(f, RenderOptions{Line: 5})
	fp, rule, ok := ParseMarker(body)
	if !ok || fp != f.Fingerprint || rule != f.Rule {
		t.Errorf("marker = %q %q %v", fp, rule, ok)
	}
	if !strings.HasPrefix(body, Marker(f.Fingerprint, f.Rule)+"\n") {
		t.Errorf("marker is not the first line")
	}
	r := rules.ByID(f.Rule)
	for _, want := range []string{
		"**hotpath: " + capitalize(r.Title) + "** (`query-in-loop`, warning)",
		"`db.Query` runs once per element of `ids`",
		"- line 4: the loop",
		"[Rule documentation](" + r.DocURL() + ")",
		"`// hotpath-ignore query-in-loop: <reason>`",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q:\n%s", want, body)
		}
	}
}

func TestRenderCommentInvalidSuppression(t *testing.T) {
	f := rules.Finding{Rule: rules.InvalidSuppression, Path: "a.ts", Line: 3, Severity: rules.Warning,
		Message: "suppression needs a reason", Fingerprint: "abc"}
	body := RenderComment(f, RenderOptions{Line: 3})
	if _, rule, ok := ParseMarker(body); !ok || rule != rules.InvalidSuppression {
		t.Errorf("marker missing: %s", body)
	}
	if !strings.Contains(body, "Invalid hotpath-ignore comment") || strings.Contains(body, "Rule documentation") {
		t.Errorf("unexpected body:\n%s", body)
	}
}

func TestRenderCommentFence(t *testing.T) {
	src := "package main\n\nvar s = \"x\"\n"
	rep := "var s = \"y\" // a ``` b ```` c"
	f := rules.Finding{Rule: "query-in-loop", Path: "a.go", Line: 3, EndLine: 3, Severity: rules.Notice,
		Message: "m", Fingerprint: "abc", Fix: &rules.Fix{Description: "d", StartLine: 3, EndLine: 3, Replacement: rep}}
	body := RenderComment(f, RenderOptions{Line: 3, Source: []byte(src)})
	if !strings.Contains(body, "\n`````suggestion\n"+rep+"\n`````\n") {
		t.Errorf("fence is not one longer than the longest backtick run:\n%s", body)
	}
}

func TestCodeBlockFence(t *testing.T) {
	tests := map[string]string{
		"x":           "```",
		"a ` b":       "```",
		"a `` b":      "```",
		"a ``` b":     "````",
		"``````":      "```````",
		"`a`\n``b``":  "```",
		"x ```` y ``": "`````",
	}
	for content, want := range tests {
		got := codeBlock("", strings.Split(content, "\n"))
		if !strings.HasPrefix(got, want+"\n") || !strings.HasSuffix(got, "\n"+want+"\n") {
			t.Errorf("codeBlock(%q) = %q, want fence %q", content, got, want)
		}
	}
}

func TestRenderCommentLimit(t *testing.T) {
	huge := strings.Repeat("数据库查询 in a loop 🔁 ", 6000) // ~ 170 KB
	tests := map[string]rules.Finding{
		"huge message": {Rule: "query-in-loop", Path: "a.go", Line: 3, Severity: rules.Error, Message: huge, Fingerprint: "abc"},
		"huge fix": {Rule: "query-in-loop", Path: "a.go", Line: 3, Severity: rules.Error, Message: "m", Fingerprint: "abc",
			Fix: &rules.Fix{Description: "d", StartLine: 3, EndLine: 3, Replacement: "var s = \"" + strings.Repeat("x", 70000) + "\""}},
		"huge related": {Rule: "query-in-loop", Path: "a.go", Line: 3, Severity: rules.Error, Message: "m", Fingerprint: "abc",
			Related: manyRelated(2000)},
	}
	src := []byte("package main\n\nvar s = \"x\"\n")
	for name, f := range tests {
		t.Run(name, func(t *testing.T) {
			body := RenderComment(f, RenderOptions{Line: 3, Source: src})
			if len(body) > MaxCommentBody {
				t.Errorf("body is %d bytes, over %d", len(body), MaxCommentBody)
			}
			if !utf8.ValidString(body) {
				t.Errorf("body is not valid UTF-8")
			}
			if fp, _, ok := ParseMarker(body); !ok || fp != "abc" {
				t.Errorf("marker lost")
			}
			if strings.Count(body, "```")%2 != 0 {
				t.Errorf("unbalanced code fences")
			}
		})
	}
}

func manyRelated(n int) []rules.Related {
	rs := make([]rules.Related, n)
	for i := range rs {
		rs[i] = rules.Related{Line: i + 1, Message: strings.Repeat("related ", 10)}
	}
	return rs
}

func TestSanitize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"ping @octocat now", "ping @\u200boctocat now"},
		{"email a@b.c", "email a@\u200bb.c"},
		{"decorator `@Injectable()` stays", "decorator `@Injectable()` stays"},
		{"a < b", "a &lt; b"},
		{"<!-- hotpath:fp=evil rule=x -->", "&lt;!-- hotpath:fp=evil rule=x -->"},
		{"code `<b>` kept", "code `<b>` kept"},
		{"double ``a ` b`` span", "double ``a ` b`` span"},
		{"unclosed ` tick @x", "unclosed ` tick @\u200bx"},
		{"```go\nfence", "\\```go\nfence"},
		{"line\n~~~\nx", "line\n\\~~~\nx"},
		{"unicode 你好 @ end", "unicode 你好 @ end"},
	}
	for _, tt := range tests {
		if got := sanitize(tt.in); got != tt.want {
			t.Errorf("sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"hello", 10, "hello"},
		{"hello", 5, "hello"},
		{"hello world", 8, "hello…"},
		{"你好世界", 9, "你好…"}, // 3 bytes each; "…" is 3 bytes
		{"你好世界", 8, "你…"},
		{"abc", 2, ""},
	}
	for _, tt := range tests {
		got := truncate(tt.in, tt.n)
		if got != tt.want || len(got) > tt.n || !utf8.ValidString(got) {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestDocParagraph(t *testing.T) {
	doc := "# x\n\nIntro.\n\n## Why it matters\n\nEach query\ncosts a round trip.\n\nSecond paragraph.\n\n## Bad\n\n```go\n```\n## How to fix\nTODO\n"
	got := map[string]string{
		"why": docParagraph(doc, "Why it matters"),
		"fix": docParagraph(doc, "How to fix"),
		"bad": docParagraph(doc, "Bad"),
		"nop": docParagraph(doc, "Missing"),
	}
	want := map[string]string{"why": "Each query costs a round trip.", "fix": "", "bad": "", "nop": ""}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("docParagraph (-want +got):\n%s", diff)
	}
	if long := docParagraph("\n## Why it matters\n"+strings.Repeat("word ", 500), "Why it matters"); len(long) > 600 || !strings.HasSuffix(long, "…") {
		t.Errorf("long paragraph not cut: %d bytes", len(long))
	}
}

func FuzzRenderComment(f *testing.F) {
	f.Add("`db.Query` in a loop @someone <b>", "fix it", "\t\tdb.QueryContext(ctx, id)", 5, 5, 5)
	f.Add("```\n<!-- hotpath:fp=evil rule=x -->\n```", "", "", 4, 6, 6)
	f.Add("", "d", "````", 1, 1, 7)
	f.Fuzz(func(t *testing.T, msg, desc, rep string, fixStart, fixEnd, line int) {
		if fixEnd-fixStart > 20 || fixStart < -5 || line < -5 || line > 20 {
			return
		}
		fd := loopFinding()
		fd.Message = msg
		fd.Fix = &rules.Fix{Description: desc, StartLine: fixStart, EndLine: fixEnd, Replacement: rep}
		body := RenderComment(fd, RenderOptions{Line: line, Source: []byte(goSrc)})
		if len(body) > MaxCommentBody {
			t.Fatalf("body too long: %d", len(body))
		}
		fp, rule, ok := ParseMarker(body)
		if !ok || fp != fd.Fingerprint || rule != fd.Rule {
			t.Fatalf("marker not parsed back from %q", body)
		}
	})
}

func TestRenderCommentExactlyAtLimit(t *testing.T) {
	f := loopFinding()
	f.Message = "a"
	base := len(RenderComment(f, RenderOptions{Line: 5}))
	f.Message = strings.Repeat("a", 1+MaxCommentBody-base)
	body := RenderComment(f, RenderOptions{Line: 5})
	if len(body) != MaxCommentBody || !strings.Contains(body, f.Message) {
		t.Errorf("a body of exactly %d bytes was changed: got %d bytes", MaxCommentBody, len(body))
	}
	f.Message += "é"
	body = RenderComment(f, RenderOptions{Line: 5})
	// Over the limit the optional "why it matters" paragraph goes first,
	// so the message itself survives whole.
	if len(body) > MaxCommentBody || !strings.Contains(body, f.Message) || !utf8.ValidString(body) {
		t.Errorf("one rune over the limit: %d bytes, message kept=%v", len(body), strings.Contains(body, f.Message))
	}
	f.Message = strings.Repeat("a", MaxCommentBody) + "é"
	body = RenderComment(f, RenderOptions{Line: 5})
	if len(body) > MaxCommentBody || !strings.Contains(body, "a…") || !utf8.ValidString(body) {
		t.Errorf("message longer than the limit: %d bytes, truncated=%v", len(body), strings.Contains(body, "a…"))
	}
	if _, _, ok := ParseMarker(body); !ok || !strings.Contains(body, "[Rule documentation]") {
		t.Errorf("truncation lost the marker or the footer")
	}
}
