package rules_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hotpath-app/hotpath/parsers"
	"github.com/hotpath-app/hotpath/rules"
)

// hpAnalyzeOnly runs one rule over src and returns its findings.
func hpAnalyzeOnly(t *testing.T, rule *rules.Rule, path, src string) []rules.Finding {
	t.Helper()
	p := parsers.NewParser(parsers.Options{})
	defer p.Close()
	f, err := p.Parse(context.Background(), path, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	s := &rules.Settings{Severity: map[string]rules.Severity{}}
	for _, r := range rules.All {
		if r.ID != rule.ID {
			s.Severity[r.ID] = rules.Off
		}
	}
	res, err := rules.Analyze(f, s)
	if err != nil {
		t.Fatal(err)
	}
	var out []rules.Finding
	for _, fd := range res.Findings {
		if fd.Rule == rule.ID {
			out = append(out, fd)
		}
	}
	return out
}

func TestSyncAPIInAsyncFix(t *testing.T) {
	src := `import fs from "node:fs";

export async function load(p: string) {
  const a = fs.readFileSync(p, "utf8");
  const b = fs.readFileSync(p).toString();
  const c = JSON.parse(fs.readFileSync(p, "utf8"));
  fs.writeFileSync(p + ".bak", a);
  if (fs.existsSync(p)) return [a, b, c];
}

export function handler(req, res) {
  res.send(fs.readFileSync(req.query.p));
}
`
	fds := hpAnalyzeOnly(t, rules.SyncAPIInAsync, "svc.ts", src)
	fixes := map[int]string{}
	for _, fd := range fds {
		if fd.Fix != nil {
			if fd.Fix.StartLine != fd.Line || fd.Fix.EndLine != fd.Line {
				t.Errorf("line %d: fix spans %d-%d", fd.Line, fd.Fix.StartLine, fd.Fix.EndLine)
			}
			fixes[fd.Line] = fd.Fix.Replacement
		}
	}
	if len(fds) != 6 {
		t.Errorf("got %d findings, want 6: %v", len(fds), fds)
	}
	want := map[int]string{
		4: `  const a = await fs.promises.readFile(p, "utf8");`,
		6: `  const c = JSON.parse(await fs.promises.readFile(p, "utf8"));`,
		7: `  await fs.promises.writeFile(p + ".bak", a);`,
	}
	for line, w := range want {
		if fixes[line] != w {
			t.Errorf("line %d: fix %q, want %q", line, fixes[line], w)
		}
	}
	// .toString() on the result, existsSync (no promise twin) and a
	// non-async handler (await is not allowed there) get no fix.
	for _, line := range []int{5, 8, 12} {
		if r, ok := fixes[line]; ok {
			t.Errorf("line %d: unexpected fix %q", line, r)
		}
	}
}

func TestSyncAPIInAsyncLockRelated(t *testing.T) {
	src := `package p

import (
	"net/http"
	"sync"
)

var mu sync.Mutex

func refresh() {
	mu.Lock()
	defer mu.Unlock()
	resp, err := http.Get("https://example.com")
	if err == nil {
		resp.Body.Close()
	}
}
`
	fds := hpAnalyzeOnly(t, rules.SyncAPIInAsync, "p.go", src)
	if len(fds) != 1 {
		t.Fatalf("got %d findings, want 1: %v", len(fds), fds)
	}
	fd := fds[0]
	if fd.Line != 13 || len(fd.Related) != 1 || fd.Related[0].Line != 11 || !strings.Contains(fd.Related[0].Message, "lock") {
		t.Errorf("finding at %d with related %+v; want line 13 and the Lock() on line 11", fd.Line, fd.Related)
	}
}

func TestCacheWithoutTTLAnchors(t *testing.T) {
	src := `import Redis from "ioredis";
const redis = new Redis();

export async function save(id: string, v: string) {
  await redis
    .multi()
    .hset("h:" + id, "v", v)
    .exec();
}

const memoCache = new Map<string, string>();
export function remember(k: string, v: string) {
  memoCache.set(k, v);
}
`
	fds := hpAnalyzeOnly(t, rules.CacheWithoutTTL, "c.ts", src)
	lines := map[int]bool{}
	for _, fd := range fds {
		lines[fd.Line] = true
	}
	// The chained write starts where its call expression starts; the Map
	// finding sits on the declaration, with the write as related location.
	if len(fds) != 2 || !lines[5] || !lines[11] {
		t.Fatalf("findings %v, want lines 5 and 11", fds)
	}
	for _, fd := range fds {
		if fd.Line == 11 && (len(fd.Related) != 1 || fd.Related[0].Line != 13) {
			t.Errorf("map finding related = %+v, want the set on line 13", fd.Related)
		}
	}
}

func TestSyncAPIInAsyncKnowledge(t *testing.T) {
	src := `import legacy from "./legacy";

export async function handler(id: string) {
  const cfg = legacy.readConfigSync(id);
  const other = legacy.parseSync(id);
  return [cfg, other];
}
`
	p := parsers.NewParser(parsers.Options{})
	defer p.Close()
	f, err := p.Parse(context.Background(), "k.ts", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	s := &rules.Settings{
		Severity:  map[string]rules.Severity{},
		Knowledge: rules.Knowledge{BlockingCalls: []string{"legacy.readConfigSync"}},
	}
	for _, r := range rules.All {
		if r != rules.SyncAPIInAsync {
			s.Severity[r.ID] = rules.Off
		}
	}
	res, err := rules.Analyze(f, s)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].Line != 4 || !strings.Contains(res.Findings[0].Message, "knowledge.blocking_calls") {
		t.Errorf("findings = %v, want one on line 4 naming knowledge.blocking_calls", res.Findings)
	}
}
