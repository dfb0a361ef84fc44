package parsers

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	sitter "github.com/smacker/go-tree-sitter"
)

const tsSample = `import { Pool } from "pg";
const pool = new Pool();
export async function load(ids: string[]) {
  for (const id of ids) {
    await pool.query("select 1 where id = $1", [id]); // comment
  }
}
`

const goSample = `package main

import "database/sql"

// load reads things.
func load(db *sql.DB, ids []int) {
	for _, id := range ids {
		db.Query("select 1 where id = ?", id)
	}
}
`

func mustParse(t testing.TB, path, src string) *File {
	t.Helper()
	p := NewParser(Options{})
	defer p.Close()
	f, err := p.Parse(context.Background(), path, []byte(src))
	if err != nil {
		t.Fatalf("Parse(%s): %v", path, err)
	}
	return f
}

func TestDetect(t *testing.T) {
	cases := map[string]Language{
		"a.go": Go, "a.ts": TypeScript, "a.mts": TypeScript, "a.cts": TypeScript, "a.tsx": TSX,
		"a.js": JavaScript, "a.mjs": JavaScript, "a.cjs": JavaScript, "a.jsx": JavaScript,
		"a.d.ts": Unknown, "a.py": Unknown, "Makefile": Unknown, "dir/A.TS": TypeScript,
	}
	for path, want := range cases {
		if got := Detect(path); got != want {
			t.Errorf("Detect(%q) = %v, want %v", path, got, want)
		}
	}
}

// TestFlattenMatchesBinding walks the same tree with the binding's own
// cursor and checks that every flattened record agrees: type, byte range,
// field name and parent. It guards the struct layouts in flatten.go.
func TestFlattenMatchesBinding(t *testing.T) {
	for _, tc := range []struct {
		path, src string
		lang      Language
	}{{"a.ts", tsSample, TypeScript}, {"a.go", goSample, Go}, {"a.tsx", "const x = <div a={1}>{y}</div>;", TSX}, {"a.js", "for await (const r of q) { f(r) }", JavaScript}} {
		f := mustParse(t, tc.path, tc.src)
		sp := sitter.NewParser()
		sp.SetLanguage(grammarFor(tc.lang).lang)
		tree, err := sp.ParseCtx(context.Background(), nil, []byte(tc.src))
		if err != nil {
			t.Fatal(err)
		}
		c := sitter.NewTreeCursor(tree.RootNode())
		i := 0
		var parents []int
		parent := -1
		for {
			n := c.CurrentNode()
			if i >= len(f.nodes) {
				t.Fatalf("%s: flattened tree has %d nodes, binding has more", tc.path, len(f.nodes))
			}
			got := Node{f, int32(i)}
			if got.Type() != n.Type() || got.StartByte() != n.StartByte() || got.EndByte() != n.EndByte() ||
				got.FieldName() != c.CurrentFieldName() || int(f.nodes[i].parent) != parent || got.IsNamed() != n.IsNamed() {
				t.Fatalf("%s node %d: got %s [%d,%d) field %q parent %d, binding %s [%d,%d) field %q parent %d",
					tc.path, i, got.Type(), got.StartByte(), got.EndByte(), got.FieldName(), f.nodes[i].parent,
					n.Type(), n.StartByte(), n.EndByte(), c.CurrentFieldName(), parent)
			}
			me := i
			i++
			if c.GoToFirstChild() {
				parents = append(parents, parent)
				parent = me
				continue
			}
			for !c.GoToNextSibling() {
				if !c.GoToParent() {
					goto done
				}
				parent = parents[len(parents)-1]
				parents = parents[:len(parents)-1]
			}
		}
	done:
		c.Close()
		tree.Close()
		sp.Close()
		if i != len(f.nodes) {
			t.Errorf("%s: binding walked %d nodes, flattened %d", tc.path, i, len(f.nodes))
		}
	}
}

func TestNavigation(t *testing.T) {
	f := mustParse(t, "a.go", goSample)
	var forStmt Node
	f.Root().Walk(func(n Node) bool {
		if n.Type() == "for_statement" {
			forStmt = n
			return false
		}
		return true
	})
	if forStmt.IsNull() {
		t.Fatal("no for_statement")
	}
	if got := forStmt.StartLine(); got != 7 {
		t.Errorf("for StartLine = %d, want 7", got)
	}
	if got := forStmt.EndLine(); got != 9 {
		t.Errorf("for EndLine = %d, want 9", got)
	}
	body := forStmt.Field("body")
	if body.Type() != "block" {
		t.Fatalf("body = %s", body.Type())
	}
	var call Node
	body.Walk(func(n Node) bool {
		if n.Type() == "call_expression" {
			call = n
		}
		return call.IsNull()
	})
	if got := call.Field("function").Text(); got != "db.Query" {
		t.Errorf("callee = %q", got)
	}
	if !forStmt.Contains(call) || call.Contains(forStmt) {
		t.Error("Contains is wrong")
	}
	fn := Node{}
	call.Ancestors(func(a Node) bool {
		if a.Type() == "function_declaration" {
			fn = a
			return false
		}
		return true
	})
	if fn.Field("name").Text() != "load" {
		t.Errorf("enclosing function = %q", fn.Field("name").Text())
	}
	if len(f.Comments()) != 1 || f.Comments()[0].Text() != "// load reads things." {
		t.Errorf("comments = %v", f.Comments())
	}
	if got := f.Line(8); strings.TrimSpace(got) != `db.Query("select 1 where id = ?", id)` {
		t.Errorf("Line(8) = %q", got)
	}
	kids := fn.NamedChildren()
	if len(kids) != 3 || kids[0].Type() != "identifier" || kids[1].Type() != "parameter_list" {
		t.Errorf("function children = %v", kids)
	}
	if kids[0].NextNamedSibling().Type() != "parameter_list" || kids[1].PrevNamedSibling().Type() != "identifier" {
		t.Error("sibling navigation is wrong")
	}
	if !f.Root().Parent().IsNull() || !f.Root().NextSibling().IsNull() {
		t.Error("root should have no parent or sibling")
	}
}

func TestPosition(t *testing.T) {
	f := mustParse(t, "a.ts", "const é = 1;\nlet x = \"ü\" + y;\n")
	off := uint32(strings.Index(string(f.Src), "y;"))
	line, col := f.Position(off)
	if line != 2 || col != 15 {
		t.Errorf("Position = %d:%d, want 2:15", line, col)
	}
}

func TestSkips(t *testing.T) {
	long := "const x = \"" + strings.Repeat("a", 30_000) + "\";\n"
	minified := strings.Repeat("function a(b){return b+1};var c=a(2);if(c){console.log(c)}else{c=3};", 80) + "\n"
	cases := []struct {
		name, path, src string
		opts            Options
		want            SkipReason
	}{
		{"python", "a.py", "print(1)", Options{}, SkipUnsupported},
		{"too large", "a.ts", strings.Repeat("let a = 1;\n", 200), Options{MaxFileBytes: 100}, SkipTooLarge},
		{"go generated", "a.go", "// Code generated by protoc-gen-go. DO NOT EDIT.\n\npackage a\n", Options{}, SkipGenerated},
		{"js generated", "a.js", "/**\n * @generated\n */\nmodule.exports = {};\n", Options{}, SkipGenerated},
		{"min.js", "vendor/jquery.min.js", "var a=1;", Options{}, SkipMinified},
		{"long line", "a.ts", long, Options{}, SkipMinified},
		{"dense", "a.js", minified, Options{}, SkipMinified},
		{"binary", "a.js", "var a\x00\x01 = 1;", Options{}, SkipBinary},
		{"esbuild bundle", "public/assets/app.js", "let sheets = /* @__PURE__ */ new Map();\nconst a = /* @__PURE__ */ Object.freeze([]);\nconst b = /* @__PURE__ */ Object.freeze({});\n", Options{}, SkipGenerated},
		{"webpack bundle", "assets/admin.js", "(() => {\nvar m = __webpack_require__(1);\nvar n = __webpack_require__(2);\nvar o = /*#__PURE__*/ f();\n})();\n", Options{}, SkipGenerated},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := NewParser(tc.opts)
			defer p.Close()
			_, err := p.Parse(context.Background(), tc.path, []byte(tc.src))
			s, ok := AsSkip(err)
			if !ok {
				t.Fatalf("err = %v, want a skip", err)
			}
			if s.Reason != tc.want || s.Path != tc.path {
				t.Errorf("skip = %+v, want reason %s", s, tc.want)
			}
		})
	}
}

func TestOnePureAnnotationIsNotABundle(t *testing.T) {
	// Hand-written library code may carry a pure annotation or two.
	mustParse(t, "lib.js", "export const a = /*#__PURE__*/ make();\nexport const b = /* @__PURE__ */ make();\n")
	// Go code is never bundler output, whatever its strings say.
	mustParse(t, "a.go", "package a\n\nvar s = []string{\"__webpack_require__\", \"__webpack_require__\", \"__webpack_require__\"}\n")
}

func TestTenMegabyteMinifiedFileIsSkippedCheaply(t *testing.T) {
	src := bytes.Repeat([]byte("var a=function(b){return b*2};"), 10<<20/31)
	p := NewParser(Options{MaxFileBytes: -1}) // no size cap: the line check must catch it
	defer p.Close()
	_, err := p.Parse(context.Background(), "bundle.js", src)
	if s, ok := AsSkip(err); !ok || s.Reason != SkipMinified {
		t.Fatalf("err = %v, want minified skip", err)
	}
}

func TestSyntaxErrorsStillParse(t *testing.T) {
	f := mustParse(t, "a.ts", "async function f() {\n  for (const x of xs) {\n    await db.query(x\n  }\n}\nconst ok = 1;\n")
	if f.SyntaxErrors == 0 {
		t.Error("expected syntax errors to be counted")
	}
	if f.Root().Type() != "program" {
		t.Errorf("root = %s", f.Root().Type())
	}
}

func TestInvalidUTF8(t *testing.T) {
	src := "package a\n\nfunc f() { s := \"\xff\xfe\"; _ = s }\n"
	f := mustParse(t, "a.go", src)
	if f.Root().Type() != "source_file" {
		t.Fatalf("root = %s", f.Root().Type())
	}
	var found bool
	f.Root().Walk(func(n Node) bool {
		if n.Type() == "function_declaration" {
			found = true
		}
		return true
	})
	if !found {
		t.Error("function not found in file with invalid UTF-8")
	}
	line, col := f.Position(uint32(strings.Index(src, "_ =")))
	if line != 3 || col < 20 {
		t.Errorf("Position = %d:%d", line, col)
	}
}

func TestCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p := NewParser(Options{})
	defer p.Close()
	src := []byte(strings.Repeat("let a = [1,2,3].map(x => x * 2);\n", 20000))
	_, err := p.Parse(ctx, "a.ts", src)
	if err != nil && !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	// The parser must still work afterwards.
	if _, err := p.Parse(context.Background(), "b.ts", []byte("let b = 1;")); err != nil {
		t.Fatalf("parser unusable after cancellation: %v", err)
	}
}

func TestTimeoutIsASkip(t *testing.T) {
	p := NewParser(Options{Timeout: time.Microsecond, MaxFileBytes: -1})
	defer p.Close()
	src := []byte(strings.Repeat("const a = foo(bar, baz(qux), [1, 2, 3]);\n", 20000))
	_, err := p.Parse(context.Background(), "a.ts", src)
	if s, ok := AsSkip(err); !ok || s.Reason != SkipTimeout {
		t.Fatalf("err = %v, want timeout skip", err)
	}
	if _, err := p.Parse(context.Background(), "b.ts", []byte("let b = 1;")); err != nil {
		t.Fatalf("parser unusable after timeout: %v", err)
	}
}

func TestString(t *testing.T) {
	f := mustParse(t, "a.go", "package a\nfunc f() { g(1) }\n")
	want := "(source_file (package_clause (package_identifier)) (function_declaration name: (identifier) parameters: (parameter_list) body: (block (expression_statement (call_expression function: (identifier) arguments: (argument_list (int_literal)))))))"
	if got := f.Root().String(); got != want {
		t.Errorf("String =\n%s\nwant\n%s", got, want)
	}
}
