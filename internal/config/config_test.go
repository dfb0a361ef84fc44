package config

import (
	"strings"
	"testing"

	"github.com/hotpath-app/hotpath/rules"
)

func TestParseFull(t *testing.T) {
	src := `# hotpath settings
fail_on: warning
rules:
  query-in-loop: error
  sync-api-in-async: off
  cache-without-ttl:
    severity: notice
    exclude: ["scripts/**"]
paths:
  include: ["src/**", "cmd/**"]
  exclude: ["**/migrations/**"]
  tests: true
comments:
  max_comments: 10
  scope: diff
knowledge:
  query_calls: ["userRepo.*", "loadAccount"]
  query_types: ["UserStore"]
  blocking_calls: ["legacy.readConfigSync"]
  resources:
    - acquire: pool.getConn
      release: release
limits:
  max_file_bytes: 200000
`
	c, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if !c.FailOn.Fails(rules.Warning) || c.FailOn.Fails(rules.Notice) {
		t.Errorf("fail_on = %v", c.FailOn)
	}
	if c.Rules["query-in-loop"].Severity != rules.Error || c.Rules["sync-api-in-async"].Severity != rules.Off {
		t.Errorf("rules = %+v", c.Rules)
	}
	if rc := c.Rules["cache-without-ttl"]; rc.Severity != rules.Notice || len(rc.Exclude) != 1 {
		t.Errorf("cache-without-ttl = %+v", rc)
	}
	if c.Comments.MaxComments != 10 || c.Comments.Scope != "diff" {
		t.Errorf("comments = %+v", c.Comments)
	}
	if len(c.Knowledge.QueryCalls) != 2 || c.Knowledge.Resources[0].Acquire != "pool.getConn" {
		t.Errorf("knowledge = %+v", c.Knowledge)
	}
	if c.Limits.MaxFileBytes != 200000 || !c.Paths.Tests {
		t.Errorf("limits/paths = %+v %+v", c.Limits, c.Paths)
	}
	s := c.Settings()
	if s.SeverityOf(rules.QueryInLoop) != rules.Error || s.SeverityOf(rules.MissingRelease) != rules.Error ||
		s.SeverityOf(rules.SyncAPIInAsync) != rules.Off {
		t.Errorf("settings = %+v", s.Severity)
	}
	if !c.RuleExcludes("cache-without-ttl", "scripts/seed.ts") || c.RuleExcludes("query-in-loop", "scripts/seed.ts") {
		t.Error("per-rule exclude wrong")
	}
}

func TestDefaults(t *testing.T) {
	for _, src := range []string{"", "   \n", "# only a comment\n"} {
		c, err := Parse([]byte(src))
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if c.FailOn.String() != "error" || c.Comments.MaxComments != 25 || c.Comments.Scope != "added" || c.Paths.Tests {
			t.Errorf("%q: defaults = %+v", src, c)
		}
	}
}

func TestErrorsNameTheLine(t *testing.T) {
	cases := []struct {
		name, src string
		line      int
		msg       string
	}{
		{"unknown key", "fail_on: error\nrulez:\n  a: b\n", 2, "unknown field \"rulez\""},
		{"unknown nested key", "comments:\n  max_comments: 3\n  colour: red\n", 3, "unknown field \"colour\""},
		{"wrong type", "comments:\n  max_comments: lots\n", 2, ""},
		{"bad severity", "rules:\n  query-in-loop: loud\n", 2, "unknown severity \"loud\""},
		{"unknown rule", "rules:\n  n-plus-one: error\n", 2, "unknown rule \"n-plus-one\""},
		{"bad fail_on", "fail_on: sometimes\n", 1, "fail_on must be"},
		{"bad glob", "paths:\n  exclude:\n    - \"src/[a-\"\n", 3, "bad glob"},
		{"bad scope", "comments:\n  scope: everything\n", 2, "comments.scope must be one of"},
		{"too many comments", "comments:\n  max_comments: 5000\n", 2, "max_comments must be between"},
		{"syntax", "rules:\n  query-in-loop: error\n   bad indent: x\n", 2, ""},
		{"not a map", "- a\n- b\n", 1, "must be a mapping"},
		{"rule map without severity", "rules:\n  query-in-loop:\n    exclude: [a]\n", 3, "severity is required"},
		{"bad resource", "knowledge:\n  resources:\n    - acquire: x\n", 2, "release are both required"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.src))
			if err == nil {
				t.Fatal("no error")
			}
			ce, ok := err.(*Error)
			if !ok {
				t.Fatalf("error %T %v is not *Error", err, err)
			}
			if ce.Line != tc.line {
				t.Errorf("line = %d, want %d (%v)", ce.Line, tc.line, err)
			}
			if !strings.Contains(ce.Error(), tc.msg) {
				t.Errorf("error %q lacks %q", ce.Error(), tc.msg)
			}
		})
	}
}

func TestSelects(t *testing.T) {
	c, err := Parse([]byte("paths:\n  include: [\"src/**\"]\n  exclude: [\"src/gen\", \"*.gen.ts\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]bool{
		"src/a.ts":             true,
		"./src/b/c.go":         true,
		"lib/a.ts":             false,
		"src/gen/x.ts":         false,
		"src/x/y.gen.ts":       false,
		"src/a.test.ts":        false,
		"src/a_test.go":        false,
		"src/__tests__/a.ts":   false,
		"src/e2e/flow.ts":      false,
		"src/tests/helpers.go": false,
		"src/latest/a.ts":      true,
		"src/contest.ts":       true,
	}
	for p, want := range cases {
		if got, why := c.Selects(p); got != want {
			t.Errorf("Selects(%q) = %v (%s), want %v", p, got, why, want)
		}
	}
	c.Paths.Tests = true
	if ok, _ := c.Selects("src/a.spec.ts"); !ok {
		t.Error("tests: true should include spec files")
	}
}

func FuzzParse(f *testing.F) {
	f.Add("rules:\n  query-in-loop: error\n")
	f.Add("fail_on: never\ncomments: {max_comments: 3}\n")
	f.Add("paths: {include: ['**'], exclude: [x]}\nknowledge: {query_calls: ['a.*']}\n")
	f.Add("&a [*a]")
	f.Fuzz(func(t *testing.T, src string) {
		c, err := Parse([]byte(src))
		if err == nil && c == nil {
			t.Fatal("nil config without error")
		}
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %T is not *Error: %v", err, err)
			}
		}
	})
}
