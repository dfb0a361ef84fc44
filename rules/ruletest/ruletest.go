// Package ruletest runs a rule over testdata whose expectations are written
// in the files themselves, after golang.org/x/tools/go/analysis/analysistest.
//
// A comment `// want "RE"` (or `/* want "RE" */`) at the end of a line says
// the rule must report a finding starting on that line whose
// "<rule-id>: <message>" matches the regular expression RE. Several quoted
// strings mean several findings. Every finding must be expected and every
// expectation met. `// todo-want "RE"` records a known miss: it is logged,
// not failed, so gaps stay visible without blocking.
package ruletest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
	"github.com/hotpath-app/hotpath/rules"
)

// Testing is the part of *testing.T the harness needs.
type Testing interface {
	Helper()
	Errorf(format string, args ...any)
	Logf(format string, args ...any)
}

// Expectation is one `want` or `todo-want` in a testdata file.
type Expectation struct {
	Path    string
	Line    int
	Pattern *regexp.Regexp
	Todo    bool
	met     bool
}

var wantRE = regexp.MustCompile(`(?:^|[\s*/])(todo-want|want)((?:\s+"(?:[^"\\]|\\.)*")+)`)
var quotedRE = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// Expectations extracts the want comments of a parsed file.
func Expectations(f *parsers.File) ([]*Expectation, error) {
	var out []*Expectation
	for _, c := range f.Comments() {
		m := wantRE.FindStringSubmatch(c.Text())
		if m == nil {
			continue
		}
		for _, q := range quotedRE.FindAllString(m[2], -1) {
			s, err := strconv.Unquote(q)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: bad want string %s: %v", f.Path, c.StartLine(), q, err)
			}
			re, err := regexp.Compile(s)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: bad want regexp %q: %v", f.Path, c.StartLine(), s, err)
			}
			out = append(out, &Expectation{Path: f.Path, Line: c.StartLine(), Pattern: re, Todo: m[1] == "todo-want"})
		}
	}
	return out, nil
}

// Files lists the analysable files under dir, sorted.
func Files(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && parsers.Detect(p) != parsers.Unknown {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// Run analyses every file under dir with only the given rule enabled and
// checks the findings against the files' want comments.
func Run(t Testing, rule *rules.Rule, dir string) {
	t.Helper()
	settings := &rules.Settings{Severity: map[string]rules.Severity{}}
	for _, r := range rules.All {
		if r.ID != rule.ID {
			settings.Severity[r.ID] = rules.Off
		}
	}
	RunWith(t, rule, dir, settings)
}

// RunWith is Run with explicit settings (for rule options and knowledge).
func RunWith(t Testing, rule *rules.Rule, dir string, settings *rules.Settings) {
	t.Helper()
	files, err := Files(dir)
	if err != nil {
		t.Errorf("listing %s: %v", dir, err)
		return
	}
	if len(files) == 0 {
		t.Errorf("no testdata files in %s", dir)
		return
	}
	p := parsers.NewParser(parsers.Options{})
	defer p.Close()
	for _, path := range files {
		if !rule.Supports(parsers.Detect(path)) {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		f, err := p.Parse(context.Background(), path, src)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		exps, err := Expectations(f)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		base := filepath.Base(path)
		hasWant := false
		for _, e := range exps {
			if !e.Todo {
				hasWant = true
			}
		}
		if strings.HasPrefix(base, "ok_") && hasWant {
			t.Errorf("%s: an ok_ file must not contain want comments", path)
		}
		if strings.HasPrefix(base, "bad_") && !hasWant {
			t.Errorf("%s: a bad_ file must contain at least one want comment", path)
		}
		res, err := rules.Analyze(f, settings)
		if err != nil {
			t.Errorf("%s: %v", path, err)
		}
		check(t, rule, res.Findings, exps)
	}
}

func check(t Testing, rule *rules.Rule, findings []rules.Finding, exps []*Expectation) {
	t.Helper()
	for _, fd := range findings {
		if fd.Rule != rule.ID && fd.Rule != rules.InvalidSuppression {
			continue
		}
		text := fd.Rule + ": " + fd.Message
		matched := false
		for _, e := range exps {
			if !e.met && e.Line == fd.Line && e.Pattern.MatchString(text) {
				e.met, matched = true, true
				if e.Todo {
					t.Logf("%s:%d: todo-want is now met; change it to want: %s", e.Path, e.Line, text)
				}
				break
			}
		}
		if !matched {
			t.Errorf("%s:%d:%d: unexpected finding: %s", fd.Path, fd.Line, fd.Column, text)
		}
	}
	for _, e := range exps {
		if e.met {
			continue
		}
		if e.Todo {
			t.Logf("%s:%d: known miss (todo-want %q)", e.Path, e.Line, e.Pattern)
			continue
		}
		t.Errorf("%s:%d: no finding matched want %q", e.Path, e.Line, e.Pattern)
	}
}
