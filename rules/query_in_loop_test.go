package rules

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hotpath-app/hotpath/parsers"
)

// analyzeQIL runs only query-in-loop over a snippet with the given
// knowledge.
func analyzeQIL(t *testing.T, name, src string, k Knowledge) []Finding {
	t.Helper()
	f := parseSnippet(t, name, src)
	s := &Settings{Severity: map[string]Severity{}, Knowledge: k}
	for _, r := range All {
		if r.ID != QueryInLoop.ID {
			s.Severity[r.ID] = Off
		}
	}
	res, err := Analyze(f, s)
	if err != nil {
		t.Fatal(err)
	}
	return res.Findings
}

func TestQueryInLoopKnowledge(t *testing.T) {
	tests := []struct {
		name string
		file string
		src  string
		k    Knowledge
		want []string // message regexps, in order
	}{
		{
			name: "query_calls receiver glob",
			file: "svc.ts",
			src: `export class Svc {
  constructor(private readonly userRepo: UserRepository) {}
  async names(ids: string[]) {
    const out = [];
    for (const id of ids) {
      out.push((await this.userRepo.byId(id)).name);
    }
    return out;
  }
}`,
			k:    Knowledge{QueryCalls: []string{"userRepo.*"}},
			want: []string{`^this\.userRepo\.byId runs once per iteration of the loop on line 5 \(N\+1 queries\)`},
		},
		{
			name: "query_calls bare function and method glob",
			file: "jobs.js",
			src: `import { loadAccount } from "./accounts";
import api from "./api";
export async function sync(ids) {
  for (const id of ids) {
    await loadAccount(id);
    await api.fetchAccount(id);
    await api.ping();
  }
}`,
			k:    Knowledge{QueryCalls: []string{"loadAccount", "*.fetchAccount"}},
			want: []string{`^loadAccount runs once`, `^api\.fetchAccount runs once`},
		},
		{
			name: "query_types on a Go field",
			file: "h.go",
			src: `package h

import "github.com/acme/app/store"

type H struct{ users *store.UserStore }

func (h *H) Names(ids []int64) []string {
	var out []string
	for _, id := range ids {
		u, _ := h.users.Get(id)
		out = append(out, u.Name)
	}
	return out
}`,
			k:    Knowledge{QueryTypes: []string{"*store.UserStore"}},
			want: []string{`^h\.users\.Get runs once per iteration of the loop on line 9`},
		},
		{
			name: "without knowledge the wrapper is unknown",
			file: "h.go",
			src: `package h

import "github.com/acme/app/store"

type H struct{ users *store.UserStore }

func (h *H) Names(ids []int64) {
	for _, id := range ids {
		h.users.Get(id)
	}
}`,
		},
		{
			name: "taught calls still honour batching and constant lists",
			file: "svc.ts",
			src: `export async function f(repo: UserRepository, ids: string[]) {
  for (const id of ["a", "b"]) await repo.byId(id);
  for (const chunk of chunks(ids)) await repo.byIds({ id: { in: chunk } });
}`,
			k: Knowledge{QueryCalls: []string{"repo.*"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := analyzeQIL(t, tt.file, tt.src, tt.k)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d findings, want %d:\n%v", len(got), len(tt.want), got)
			}
			for i, re := range tt.want {
				if !regexp.MustCompile(re).MatchString(got[i].Message) {
					t.Errorf("finding %d: %q does not match %q", i, got[i].Message, re)
				}
			}
		})
	}
}

func TestQueryInLoopFindingShape(t *testing.T) {
	src := `import { PrismaClient } from "@prisma/client";
const prisma = new PrismaClient();
export async function f(ids: string[]) {
  for (const id of ids) {
    await prisma.user.findUnique({ where: { id } }).then((u) => u);
  }
}
`
	got := analyzeQIL(t, "a.ts", src, Knowledge{})
	if len(got) != 1 {
		t.Fatalf("got %v, want one finding", got)
	}
	fd := got[0]
	// Anchored at the start of the outermost call of the chain.
	if fd.Line != 5 || fd.Column != 11 || fd.EndLine != 5 {
		t.Errorf("position %d:%d-%d:%d, want 5:11 on one line", fd.Line, fd.Column, fd.EndLine, fd.EndColumn)
	}
	if len(fd.Related) != 1 || fd.Related[0].Line != 4 || fd.Related[0].Column != 3 || fd.Related[0].Message != "loop here" {
		t.Errorf("related = %+v, want the loop at 4:3", fd.Related)
	}
	if fd.Function != "f" || fd.Severity != Warning {
		t.Errorf("function %q severity %v", fd.Function, fd.Severity)
	}
}

func TestQueryInLoopSuppressed(t *testing.T) {
	src := `import { Pool } from "pg";
const pool = new Pool();
export async function f(ids: number[]) {
  for (const id of ids) {
    // hotpath-ignore query-in-loop: at most three tenants, run at start-up
    await pool.query("SELECT 1 WHERE $1 > 0", [id]);
  }
}
`
	f := parseSnippet(t, "a.ts", src)
	res, err := Analyze(f, &Settings{})
	if err != nil {
		t.Fatal(err)
	}
	for _, fd := range res.Findings {
		if fd.Rule == QueryInLoop.ID {
			t.Errorf("suppressed finding reported: %v", fd)
		}
	}
	n := 0
	for _, fd := range res.Suppressed {
		if fd.Rule == QueryInLoop.ID {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d suppressed query-in-loop findings, want 1", n)
	}
}

// TestQueryInLoopNoPanic runs the rule over truncated testdata: broken
// trees must not panic or hang.
func TestQueryInLoopNoPanic(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "query-in-loop", "*"))
	p := parsers.NewParser(parsers.Options{})
	defer p.Close()
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, cut := range []int{len(src) / 3, len(src) / 2, len(src) * 4 / 5} {
			f, err := p.Parse(context.Background(), path, src[:cut])
			if err != nil {
				continue
			}
			pass := &Pass{File: f, Rule: QueryInLoop, Knowledge: &Knowledge{QueryCalls: []string{"x.*"}}, facts: NewFacts(f), report: func(Finding) {}}
			if err := runCheck(QueryInLoop, pass); err != nil {
				t.Errorf("%s[:%d]: %v", path, cut, err)
			}
		}
	}
}

// benchCorpus loads the rule's testdata, repeated to make a larger corpus.
func benchCorpus(b *testing.B) (paths []string, srcs [][]byte, lines int) {
	files, err := filepath.Glob(filepath.Join("testdata", "*", "*"))
	if err != nil || len(files) == 0 {
		b.Skip("no testdata")
	}
	for _, path := range files {
		if parsers.Detect(path) == parsers.Unknown {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		paths = append(paths, path)
		srcs = append(srcs, src)
		lines += strings.Count(string(src), "\n")
	}
	return paths, srcs, lines
}

// BenchmarkQueryInLoop measures the rule's own cost (facts built once per
// file are shared by all rules and measured separately) against parsing
// the same files: go test -bench QueryInLoop -run '^$' ./rules/
func BenchmarkQueryInLoop(b *testing.B) {
	paths, srcs, lines := benchCorpus(b)
	p := parsers.NewParser(parsers.Options{})
	defer p.Close()
	files := make([]*parsers.File, len(paths))
	facts := make([]*Facts, len(paths))
	for i := range paths {
		f, err := p.Parse(context.Background(), paths[i], srcs[i])
		if err != nil {
			b.Fatal(err)
		}
		files[i], facts[i] = f, NewFacts(f)
	}
	b.Run("parse", func(b *testing.B) {
		for b.Loop() {
			for i := range paths {
				if _, err := p.Parse(context.Background(), paths[i], srcs[i]); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
	})
	b.Run("facts", func(b *testing.B) {
		for b.Loop() {
			for _, f := range files {
				NewFacts(f)
			}
		}
		b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
	})
	b.Run("rule", func(b *testing.B) {
		n := 0
		for b.Loop() {
			for i, f := range files {
				pass := &Pass{File: f, Rule: QueryInLoop, Knowledge: &Knowledge{}, facts: facts[i], report: func(Finding) { n++ }}
				QueryInLoop.Check(pass)
			}
		}
		b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
	})
}

func TestChunkStep(t *testing.T) {
	tests := []struct {
		file, src, update string
		want              bool
	}{
		{"a.js", "for (let i = 0; i < n; i += BATCH) {}", "i += BATCH", true},
		{"a.js", "for (let i = 0; i < n; i += 500) {}", "i += 500", true},
		{"a.js", "for (let i = 0; i < n; i += 2) {}", "i += 2", false},
		{"a.js", "for (let i = 0; i < n; i++) {}", "i++", false},
		{"a.js", "for (let i = 0; i < n; i = i + size) {}", "i = i + size", true},
		{"a.js", "for (let i = 0; i < n; i -= size) {}", "i -= size", false},
		{"a.go", "package a\nfunc f() {\n\tfor i := 0; i < n; i += chunk {\n\t}\n}\n", "i += chunk", true},
		{"a.go", "package a\nfunc f() {\n\tfor i := 0; i < n; i += 1 {\n\t}\n}\n", "i += 1", false},
		{"a.go", "package a\nfunc f() {\n\tfor i := 0; i < n; i = next(i) {\n\t}\n}\n", "i = next(i)", false},
	}
	for _, tt := range tests {
		f := parseSnippet(t, tt.file, tt.src)
		if got := chunkStep(lastExpr(t, f, tt.update)); got != tt.want {
			t.Errorf("chunkStep(%s) = %v, want %v", tt.update, got, tt.want)
		}
	}
}
