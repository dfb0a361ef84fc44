package rules_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hotpath-app/hotpath/parsers"
	"github.com/hotpath-app/hotpath/rules"
)

// mrAnalyze runs only missing-release over one source.
func mrAnalyze(t testing.TB, p *parsers.Parser, path, src string, k rules.Knowledge) []rules.Finding {
	t.Helper()
	f, err := p.Parse(context.Background(), path, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	settings := &rules.Settings{Severity: map[string]rules.Severity{}, Knowledge: k}
	for _, r := range rules.All {
		if r.ID != rules.MissingRelease.ID {
			settings.Severity[r.ID] = rules.Off
		}
	}
	res, err := rules.Analyze(f, settings)
	if err != nil {
		t.Fatal(err)
	}
	return res.Findings
}

func TestMissingReleaseKnowledge(t *testing.T) {
	p := parsers.NewParser(parsers.Options{})
	defer p.Close()
	k := rules.Knowledge{Resources: []rules.Resource{
		{Acquire: "pool.getConn", Release: "release"},
		{Acquire: "*.Lease", Release: "Return"},
	}}
	tests := map[string]struct {
		path, src string
		want      []string // message substrings, one per finding
	}{
		"ts leak": {"svc.ts", `
export async function load(pool: any) {
  const conn = await pool.getConn();
  const rows = await conn.query("SELECT 1");
  conn.release();
  return rows;
}`, []string{"conn from pool.getConn() is not released when the query on line 4 throws"}},
		"ts released in finally": {"svc.ts", `
export async function load(pool: any) {
  const conn = await pool.getConn();
  try {
    return await conn.query("SELECT 1");
  } finally {
    conn.release();
  }
}`, nil},
		"ts released through the pool": {"svc.ts", `
export async function load(pool: any) {
  const conn = await pool.getConn();
  try {
    return await conn.query("SELECT 1");
  } finally {
    pool.release(conn);
  }
}`, nil},
		"go leak": {"svc.go", `package svc

func Use(b *Broker) error {
	lease, err := b.Lease(3)
	if err != nil {
		return err
	}
	if err := lease.Ping(); err != nil {
		return err
	}
	b.Return(lease)
	return nil
}`, []string{"lease from b.Lease is not released on the return at line 9"}},
		"go deferred": {"svc.go", `package svc

func Use(b *Broker) error {
	lease, err := b.Lease(3)
	if err != nil {
		return err
	}
	defer lease.Return()
	return lease.Ping()
}`, nil},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got := mrAnalyze(t, p, tc.path, tc.src, k)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d findings %v, want %d", len(got), got, len(tc.want))
			}
			for i, w := range tc.want {
				if !strings.Contains(got[i].Message, w) {
					t.Errorf("finding %d: %q does not contain %q", i, got[i].Message, w)
				}
			}
		})
	}
	// Without the knowledge, the wrappers are unknown and nothing is reported.
	if got := mrAnalyze(t, p, "svc.ts", tests["ts leak"].src, rules.Knowledge{}); len(got) != 0 {
		t.Errorf("without knowledge: %v", got)
	}
}

// TestMissingReleaseFixes applies every Go fix offered on the testdata and
// checks that the fixed file parses and no longer has that finding.
func TestMissingReleaseFixes(t *testing.T) {
	p := parsers.NewParser(parsers.Options{})
	defer p.Close()
	files, err := filepath.Glob(filepath.Join("testdata", "missing-release", "bad_*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fixes := 0
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, fd := range mrAnalyze(t, p, path, string(src), rules.Knowledge{}) {
			if fd.Fix == nil {
				continue
			}
			fixes++
			lines := strings.Split(string(src), "\n")
			fixed := append([]string{}, lines[:fd.Fix.StartLine-1]...)
			fixed = append(fixed, strings.Split(fd.Fix.Replacement, "\n")...)
			fixed = append(fixed, lines[fd.Fix.EndLine:]...)
			out := strings.Join(fixed, "\n")
			f, err := p.Parse(context.Background(), path, []byte(out))
			if err != nil || f.SyntaxErrors > 0 {
				t.Errorf("%s:%d: fixed file does not parse (%v, %d syntax errors):\n%s", path, fd.Line, err, f.SyntaxErrors, fd.Fix.Replacement)
				continue
			}
			for _, after := range mrAnalyze(t, p, path, out, rules.Knowledge{}) {
				if after.Line == fd.Line {
					t.Errorf("%s:%d: still reported after the fix %q: %s", path, fd.Line, fd.Fix.Replacement, after.Message)
				}
			}
		}
	}
	if fixes < 5 {
		t.Errorf("only %d fixes offered on the Go testdata; expected the rows, tx, resp, stmt and conn cases", fixes)
	}
}

func TestMissingReleaseFixShape(t *testing.T) {
	p := parsers.NewParser(parsers.Options{})
	defer p.Close()
	src := `package svc

func Names(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT name FROM t")
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func Loop(dbs []*sql.DB) {
	for _, db := range dbs {
		rows, err := db.Query("SELECT 1")
		if err != nil {
			continue
		}
		for rows.Next() {
		}
	}
}
`
	got := mrAnalyze(t, p, "svc.go", src, rules.Knowledge{})
	if len(got) != 2 {
		t.Fatalf("got %v, want two findings", got)
	}
	fx := got[0].Fix
	if fx == nil || fx.StartLine != 5 || fx.EndLine != 7 {
		t.Fatalf("fix = %+v, want lines 5-7", fx)
	}
	want := "\tif err != nil {\n\t\treturn nil, err\n\t}\n\tdefer rows.Close()"
	if fx.Replacement != want {
		t.Errorf("replacement = %q, want %q", fx.Replacement, want)
	}
	// A defer in a loop piles up: no fix, and the advice says so.
	if got[1].Fix != nil {
		t.Errorf("loop finding has a fix: %+v", got[1].Fix)
	}
	if !strings.Contains(got[1].Message, "move the body into a function") {
		t.Errorf("loop finding message: %s", got[1].Message)
	}
}

// TestMissingReleaseBrokenCode runs the rule over every prefix of the
// testdata cut every few bytes, and over the files with single lines
// removed: half-written code must never make it panic.
func TestMissingReleaseBrokenCode(t *testing.T) {
	p := parsers.NewParser(parsers.Options{})
	defer p.Close()
	files, err := filepath.Glob(filepath.Join("testdata", "missing-release", "*"))
	if err != nil {
		t.Fatal(err)
	}
	settings := &rules.Settings{Severity: map[string]rules.Severity{}}
	for _, r := range rules.All {
		if r.ID != rules.MissingRelease.ID {
			settings.Severity[r.ID] = rules.Off
		}
	}
	run := func(path string, src []byte) {
		f, err := p.Parse(context.Background(), path, src)
		if err != nil {
			return
		}
		if _, err := rules.Analyze(f, settings); err != nil {
			t.Errorf("%s (%d bytes): %v", path, len(src), err)
		}
	}
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for n := 0; n < len(src); n += 53 {
			run(path, src[:n])
		}
		lines := strings.Split(string(src), "\n")
		for i := range lines {
			cut := append(append([]string{}, lines[:i]...), lines[i+1:]...)
			run(path, []byte(strings.Join(cut, "\n")))
		}
	}
}

func TestMissingReleasePrefilter(t *testing.T) {
	p := parsers.NewParser(parsers.Options{})
	defer p.Close()
	src := "export function add(a: number, b: number) { return a + b; }\n"
	if got := mrAnalyze(t, p, "math.ts", src, rules.Knowledge{}); len(got) != 0 {
		t.Errorf("got %v", got)
	}
}

// BenchmarkMissingRelease measures the rule against parsing on the rule's
// testdata: parse only; Analyze with every rule off (facts, suppressions);
// Analyze with only missing-release. The rule's cost is the difference of
// the last two, as a share of the first.
func BenchmarkMissingRelease(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("testdata", "missing-release", "*"))
	if err != nil {
		b.Fatal(err)
	}
	type src struct {
		path string
		data []byte
	}
	var srcs []src
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src{f, d})
	}
	p := parsers.NewParser(parsers.Options{})
	defer p.Close()
	ctx := context.Background()
	b.Run("parse", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, s := range srcs {
				if _, err := p.Parse(ctx, s.path, s.data); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	parsed := make([]*parsers.File, len(srcs))
	for i, s := range srcs {
		if parsed[i], err = p.Parse(ctx, s.path, s.data); err != nil {
			b.Fatal(err)
		}
	}
	none := &rules.Settings{Severity: map[string]rules.Severity{}}
	only := &rules.Settings{Severity: map[string]rules.Severity{}}
	for _, r := range rules.All {
		none.Severity[r.ID] = rules.Off
		if r.ID != rules.MissingRelease.ID {
			only.Severity[r.ID] = rules.Off
		}
	}
	for _, bc := range []struct {
		name string
		s    *rules.Settings
	}{{"analyze-no-rules", none}, {"analyze-missing-release", only}} {
		b.Run(bc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				for _, f := range parsed {
					if _, err := rules.Analyze(f, bc.s); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
