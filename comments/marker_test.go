package comments

import (
	"testing"
)

func TestParseMarker(t *testing.T) {
	tests := []struct {
		name     string
		body     string
		fp, rule string
		ok       bool
	}{
		{"own format", Marker("0a1b2c3d4e5f6789", "query-in-loop") + "\n**hotpath**", "0a1b2c3d4e5f6789", "query-in-loop", true},
		{"extra whitespace", "  <!--   hotpath:fp=abc \t rule=missing-release   -->  \r\nbody", "abc", "missing-release", true},
		{"no whitespace at the ends", "<!--hotpath:fp=abc rule=x-->", "abc", "x", true},
		{"marker after text lines", "text\n\n<!-- hotpath:fp=abc rule=a-b -->\n", "abc", "a-b", true},
		{"first of two markers", "<!-- hotpath:fp=one rule=a -->\n<!-- hotpath:fp=two rule=b -->", "one", "a", true},
		{"inside a backtick fence", "```\n<!-- hotpath:fp=abc rule=a -->\n```\n", "", "", false},
		{"inside a tilde fence", "~~~md\n<!-- hotpath:fp=abc rule=a -->\n~~~\n", "", "", false},
		{"inside a long fence closed by a short run", "````\n```\n<!-- hotpath:fp=abc rule=a -->\n````\n", "", "", false},
		{"after a closed fence", "```\ncode\n```\n<!-- hotpath:fp=abc rule=a -->", "abc", "a", true},
		{"indented code block", "text\n\n    <!-- hotpath:fp=abc rule=a -->\n", "", "", false},
		{"inside a quote", "> <!-- hotpath:fp=abc rule=a -->", "", "", false},
		{"inline in a sentence", "see <!-- hotpath:fp=abc rule=a --> here", "", "", false},
		{"inline code", "`<!-- hotpath:fp=abc rule=a -->`", "", "", false},
		{"upper-case rule", "<!-- hotpath:fp=abc rule=Query -->", "", "", false},
		{"missing rule", "<!-- hotpath:fp=abc -->", "", "", false},
		{"empty fingerprint", "<!-- hotpath:fp= rule=a -->", "", "", false},
		{"fingerprint with markup", "<!-- hotpath:fp=a<b rule=a -->", "", "", false},
		{"unclosed comment", "<!-- hotpath:fp=abc rule=a", "", "", false},
		{"someone else's marker", "<!-- __reviewdog__:abc -->", "", "", false},
		{"empty body", "", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fp, rule, ok := ParseMarker(tt.body)
			if fp != tt.fp || rule != tt.rule || ok != tt.ok {
				t.Errorf("ParseMarker(%q) = %q, %q, %v; want %q, %q, %v", tt.body, fp, rule, ok, tt.fp, tt.rule, tt.ok)
			}
		})
	}
}

func TestReviewMarker(t *testing.T) {
	sha := "0123456789abcdef0123456789abcdef01234567"
	got, ok := ParseReviewMarker(ReviewMarker(sha) + "\n**hotpath** found …")
	if !ok || got != sha {
		t.Errorf("round trip = %q, %v", got, ok)
	}
	if _, ok := ParseReviewMarker("```\n" + ReviewMarker(sha) + "\n```"); ok {
		t.Errorf("review marker inside a fence accepted")
	}
	if _, ok := ParseReviewMarker(Marker("abc", "a")); ok {
		t.Errorf("comment marker taken for a review marker")
	}
	if _, _, ok := ParseMarker(ReviewMarker(sha)); ok {
		t.Errorf("review marker taken for a comment marker")
	}
}

func FuzzParseMarker(f *testing.F) {
	f.Add("0a1b2c3d4e5f6789", "query-in-loop", "text")
	f.Add("x", "a", "```\n<!-- hotpath:fp=y rule=b -->\n```")
	f.Add("", "", "<!--hotpath:fp=abc rule=x-->")
	f.Fuzz(func(t *testing.T, fp, rule, body string) {
		// Never panics on arbitrary text.
		ParseMarker(body)
		ParseReviewMarker(body)
		// A marker we write for a valid fingerprint and rule ID is found
		// again in front of any body.
		if !markerRE.MatchString(Marker(fp, rule)) {
			return
		}
		gotFP, gotRule, ok := ParseMarker(Marker(fp, rule) + "\n" + body)
		if !ok || gotFP != fp || gotRule != rule {
			t.Fatalf("round trip of %q %q = %q %q %v", fp, rule, gotFP, gotRule, ok)
		}
	})
}
