package rules

import (
	"path"
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// Facts are what one file says about itself: its imports, the variables,
// parameters and fields it declares (with their initialisers and declared
// types), and the functions it defines. They are computed once per file and
// shared by every rule; they let rules match receivers by what they are,
// not by what they happen to be called.
type Facts struct {
	File *parsers.File

	imports map[string]Import
	modules map[string]bool
	decls   map[string][]Decl
	fields  map[string][]Decl
	funcs   map[string][]parsers.Node
}

// An Import binds a local name to a module.
type Import struct {
	Local string
	// Module is the import path or module specifier ("pg", "database/sql").
	Module string
	// Name is the imported member: "default", "*" (namespace or a whole Go
	// package), or a named export.
	Name string
}

// DeclKind says how a name was declared.
type DeclKind int

// Kinds of declarations.
const (
	VarDecl DeclKind = iota
	ParamDecl
	FieldDecl
)

// A Decl is one declaration of a name.
type Decl struct {
	Name string
	Kind DeclKind
	// Node is the declared identifier.
	Node parsers.Node
	// Init is the initialiser, if any. For Go multi-value assignments
	// (rows, err := db.Query(…)) every name gets the same Init and its
	// position in Index.
	Init  parsers.Node
	Index int
	// Type is the declared type with whitespace collapsed ("*sql.DB",
	// "Repository<User>"), or "".
	Type string
	// Scope is the function (or file root, or class body) the name lives in.
	Scope parsers.Node
}

// NewFacts computes the facts of f.
func NewFacts(f *parsers.File) *Facts {
	fs := &Facts{
		File:    f,
		imports: map[string]Import{},
		modules: map[string]bool{},
		decls:   map[string][]Decl{},
		fields:  map[string][]Decl{},
		funcs:   map[string][]parsers.Node{},
	}
	if f.Lang == parsers.Go {
		fs.collectGo()
	} else {
		fs.collectJS()
	}
	return fs
}

// Import returns the import bound to a local name.
func (fs *Facts) Import(local string) (Import, bool) {
	im, ok := fs.imports[local]
	return im, ok
}

// Imports reports whether the file imports module, or a module under it
// ("github.com/redis/go-redis" matches ".../go-redis/v9").
func (fs *Facts) Imports(module string) bool {
	if fs.modules[module] {
		return true
	}
	for m := range fs.modules {
		if strings.HasPrefix(m, module+"/") {
			return true
		}
	}
	return false
}

// ImportsAny reports whether the file imports any of the modules.
func (fs *Facts) ImportsAny(modules ...string) bool {
	for _, m := range modules {
		if fs.Imports(m) {
			return true
		}
	}
	return false
}

// Modules returns the imported module specifiers.
func (fs *Facts) Modules() []string {
	out := make([]string, 0, len(fs.modules))
	for m := range fs.modules {
		out = append(out, m)
	}
	return out
}

// Functions returns the functions and methods defined in the file under a
// name (methods are found by their bare name).
func (fs *Facts) Functions(name string) []parsers.Node { return fs.funcs[name] }

// Fields returns declarations of a struct or class field by name.
func (fs *Facts) Fields(name string) []Decl { return fs.fields[name] }

// Decls returns every declaration of a variable or parameter name.
func (fs *Facts) Decls(name string) []Decl { return fs.decls[name] }

// Resolve finds the declaration an identifier refers to: among the
// declarations of that name whose scope encloses the use, the innermost.
func (fs *Facts) Resolve(id parsers.Node) (Decl, bool) {
	name := id.Text()
	var best Decl
	found := false
	for _, d := range fs.decls[name] {
		if !d.Scope.Contains(id) {
			continue
		}
		// A variable declared after the use in the same scope is a
		// different one (or a use before declaration); parameters are
		// visible throughout.
		if d.Kind == VarDecl && d.Node.StartByte() > id.StartByte() && d.Scope.ID() == scopeOf(id).ID() {
			continue
		}
		if !found || d.Scope.ID() > best.Scope.ID() ||
			(d.Scope.ID() == best.Scope.ID() && d.Node.StartByte() > best.Node.StartByte() && d.Node.StartByte() <= id.StartByte()) {
			best, found = d, true
		}
	}
	return best, found
}

// ResolveExpr follows an expression to a declaration: an identifier to its
// declaration, this.x / self.x (a receiver field) to the field.
func (fs *Facts) ResolveExpr(e parsers.Node) (Decl, bool) {
	e = Unparen(e)
	switch e.Type() {
	case "identifier":
		return fs.Resolve(e)
	case "member_expression":
		obj := Unparen(e.Field("object"))
		if obj.Type() == "this" {
			if ds := fs.fields[e.Field("property").Text()]; len(ds) > 0 {
				return ds[0], true
			}
		}
	case "selector_expression":
		op := Unparen(e.Field("operand"))
		if op.Type() == "identifier" {
			if d, ok := fs.Resolve(op); ok && d.Kind == ParamDecl && isGoReceiver(d.Node) {
				if ds := fs.fields[e.Field("field").Text()]; len(ds) > 0 {
					return ds[0], true
				}
			}
		}
	}
	return Decl{}, false
}

// scopeOf returns the innermost function around n, or the file root.
func scopeOf(n parsers.Node) parsers.Node {
	if fn := EnclosingFunction(n); !fn.IsNull() {
		return fn
	}
	return n.File().Root()
}

func (fs *Facts) addDecl(d Decl) { fs.decls[d.Name] = append(fs.decls[d.Name], d) }

func (fs *Facts) addField(d Decl) { fs.fields[d.Name] = append(fs.fields[d.Name], d) }

// collapse returns s with runs of white space replaced by one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// IsFunction reports whether n is a function, method or closure.
func IsFunction(n parsers.Node) bool {
	switch n.Type() {
	case "function_declaration", "function_expression", "function", "arrow_function", "method_definition",
		"generator_function_declaration", "generator_function",
		"method_declaration", "func_literal":
		return true
	}
	return false
}

// EnclosingFunction returns the innermost function containing n (not n
// itself), or the zero Node at top level.
func EnclosingFunction(n parsers.Node) parsers.Node {
	for p := n.Parent(); !p.IsNull(); p = p.Parent() {
		if IsFunction(p) {
			return p
		}
	}
	return parsers.Node{}
}

// FunctionName names a function: its declared name, the variable or
// property it is assigned to, or, for an anonymous callback, the name of the
// function it sits in. Methods are qualified by their type or class
// ("Store.Load").
func FunctionName(fn parsers.Node) string {
	for ; !fn.IsNull(); fn = EnclosingFunction(fn) {
		if name := ownName(fn); name != "" {
			return name
		}
	}
	return ""
}

func ownName(fn parsers.Node) string {
	switch fn.Type() {
	case "function_declaration", "generator_function_declaration":
		return fn.Field("name").Text()
	case "method_declaration":
		recv := ""
		if r := fn.Field("receiver"); !r.IsNull() {
			r.Walk(func(n parsers.Node) bool {
				if n.Type() == "type_identifier" {
					recv = n.Text()
					return false
				}
				return recv == ""
			})
		}
		if recv != "" {
			return recv + "." + fn.Field("name").Text()
		}
		return fn.Field("name").Text()
	case "method_definition":
		name := fn.Field("name").Text()
		for p := fn.Parent(); !p.IsNull(); p = p.Parent() {
			if p.Type() == "class_declaration" || p.Type() == "class" || p.Type() == "abstract_class_declaration" {
				if c := p.Field("name").Text(); c != "" {
					return c + "." + name
				}
				break
			}
		}
		return name
	case "function_expression", "function", "generator_function":
		if n := fn.Field("name").Text(); n != "" {
			return n
		}
	}
	// Assigned: const load = async () => …; exports.load = function …; { load: () => … }
	p := fn.Parent()
	switch p.Type() {
	case "variable_declarator":
		return p.Field("name").Text()
	case "assignment_expression":
		return collapse(p.Field("left").Text())
	case "pair":
		return p.Field("key").Text()
	case "public_field_definition", "field_definition":
		return p.Field("name").Text()
	}
	return ""
}

// Unparen strips parentheses and TypeScript non-null/type assertions.
func Unparen(e parsers.Node) parsers.Node {
	for {
		switch e.Type() {
		case "parenthesized_expression", "non_null_expression", "as_expression", "satisfies_expression", "type_assertion":
			inner := e.NamedChild(0)
			if inner.IsNull() {
				return e
			}
			e = inner
		default:
			return e
		}
	}
}

// RootIdent returns the leftmost identifier (or this) of a member, selector,
// call or index chain: db for db.users.find(…).exec().
func RootIdent(e parsers.Node) parsers.Node {
	for {
		e = Unparen(e)
		switch e.Type() {
		case "member_expression", "subscript_expression":
			e = e.Field("object")
		case "selector_expression":
			e = e.Field("operand")
		case "index_expression":
			e = e.Field("operand")
		case "call_expression":
			e = e.Field("function")
		case "await_expression":
			e = e.NamedChild(0)
		case "identifier", "this", "package_identifier":
			return e
		default:
			return parsers.Node{}
		}
	}
}

// Callee splits a call's function into receiver and method name:
// db.query(…) -> (db, "query"); query(…) -> (zero, "query"). It sees
// through tree-sitter's TypeScript misparse of `await db.query<Row>(…)` as
// `(await db.query)<Row>(…)`.
func Callee(call parsers.Node) (recv parsers.Node, method string) {
	fn := callFunc(call)
	switch fn.Type() {
	case "member_expression":
		return fn.Field("object"), fn.Field("property").Text()
	case "selector_expression":
		return fn.Field("operand"), fn.Field("field").Text()
	case "identifier":
		return parsers.Node{}, fn.Text()
	}
	return parsers.Node{}, ""
}

// StringValue returns the contents of a string literal node (JS string or
// template without substitutions, Go interpreted or raw string), and
// whether n was one.
func StringValue(n parsers.Node) (string, bool) {
	n = Unparen(n)
	switch n.Type() {
	case "string", "interpreted_string_literal", "raw_string_literal":
		t := n.Text()
		if len(t) >= 2 {
			return t[1 : len(t)-1], true
		}
	case "template_string":
		for c := n.FirstChild(); !c.IsNull(); c = c.NextSibling() {
			if c.Type() == "template_substitution" {
				return "", false
			}
		}
		t := n.Text()
		if len(t) >= 2 {
			return t[1 : len(t)-1], true
		}
	}
	return "", false
}

// goPackageName guesses the package name of a Go import path: the last
// element, skipping a major-version suffix (/v9) and a gopkg.in ".vN".
func goPackageName(importPath string) string {
	base := path.Base(importPath)
	if len(base) >= 2 && base[0] == 'v' && strings.Trim(base[1:], "0123456789") == "" {
		base = path.Base(path.Dir(importPath))
	}
	if i := strings.Index(base, ".v"); i > 0 {
		base = base[:i]
	}
	base = strings.TrimPrefix(base, "go-")
	return strings.ReplaceAll(base, "-", "")
}
