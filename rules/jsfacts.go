package rules

import (
	"github.com/hotpath-app/hotpath/parsers"
)

// collectJS gathers imports, declarations and functions of a JavaScript or
// TypeScript file in one walk.
func (fs *Facts) collectJS() {
	root := fs.File.Root()
	root.Walk(func(n parsers.Node) bool {
		switch n.Type() {
		case "import_statement":
			fs.jsImport(n)
			return false
		case "variable_declarator":
			fs.jsDeclarator(n)
		case "required_parameter", "optional_parameter":
			fs.jsParam(n)
		case "formal_parameters":
			// Plain JavaScript parameters are bare identifiers.
			for _, c := range n.NamedChildren() {
				if c.Type() == "identifier" {
					fs.addDecl(Decl{Name: c.Text(), Kind: ParamDecl, Node: c, Scope: n.Parent()})
				} else if c.Type() == "assignment_pattern" {
					if l := c.Field("left"); l.Type() == "identifier" {
						fs.addDecl(Decl{Name: l.Text(), Kind: ParamDecl, Node: l, Init: c.Field("right"), Scope: n.Parent()})
					}
				}
			}
		case "public_field_definition", "field_definition":
			name := n.Field("name")
			if name.IsNull() {
				name = n.Field("property")
			}
			fs.addField(Decl{Name: name.Text(), Kind: FieldDecl, Node: name, Init: n.Field("value"),
				Type: typeText(n.Field("type")), Scope: n.Parent()})
		case "assignment_expression":
			// this.x = new Redis() declares a field too.
			l := n.Field("left")
			if l.Type() == "member_expression" && Unparen(l.Field("object")).Type() == "this" {
				p := l.Field("property")
				fs.addField(Decl{Name: p.Text(), Kind: FieldDecl, Node: p, Init: n.Field("right"), Scope: scopeOf(n)})
			}
		case "function_declaration", "generator_function_declaration":
			fs.funcs[n.Field("name").Text()] = append(fs.funcs[n.Field("name").Text()], n)
		case "method_definition":
			fs.funcs[n.Field("name").Text()] = append(fs.funcs[n.Field("name").Text()], n)
		case "for_in_statement":
			fs.jsLoopVars(n)
		case "arrow_function", "function_expression", "function", "generator_function":
			// x => …: a bare parameter, without formal_parameters.
			if p := n.Field("parameter"); p.Type() == "identifier" {
				fs.addDecl(Decl{Name: p.Text(), Kind: ParamDecl, Node: p, Scope: n})
			}
			p := n.Parent()
			switch p.Type() {
			case "variable_declarator":
				fs.funcs[p.Field("name").Text()] = append(fs.funcs[p.Field("name").Text()], n)
			case "pair":
				fs.funcs[p.Field("key").Text()] = append(fs.funcs[p.Field("key").Text()], n)
			case "public_field_definition", "field_definition":
				fs.funcs[p.Field("name").Text()] = append(fs.funcs[p.Field("name").Text()], n)
			}
		}
		return true
	})
}

// jsLoopVars declares the variables of `for (const x of xs)` and
// `for (let [k, v] of m)`, scoped to the loop. They have no initialiser:
// each takes one element of the collection (the loop's right side), not
// the collection. `for (x of xs)` without a keyword assigns an existing
// variable and declares nothing.
func (fs *Facts) jsLoopVars(n parsers.Node) {
	declares := false
	for c := n.FirstChild(); !c.IsNull(); c = c.NextSibling() {
		switch c.Type() {
		case "const", "let", "var":
			declares = true
		}
	}
	left := n.Field("left")
	if !declares || left.IsNull() {
		return
	}
	if left.Type() == "identifier" {
		fs.addDecl(Decl{Name: left.Text(), Kind: VarDecl, Node: left, Scope: n})
		return
	}
	left.Walk(func(c parsers.Node) bool {
		if IsFunction(c) {
			return false
		}
		switch c.Type() {
		case "shorthand_property_identifier_pattern", "identifier":
			if c.FieldName() == "key" {
				return true
			}
			fs.addDecl(Decl{Name: c.Text(), Kind: VarDecl, Node: c, Scope: n})
		}
		return true
	})
}

func (fs *Facts) jsImport(n parsers.Node) {
	src, _ := StringValue(n.Field("source"))
	if src == "" {
		return
	}
	fs.modules[src] = true
	n.Walk(func(c parsers.Node) bool {
		switch c.Type() {
		case "import_clause":
			// default import: a bare identifier child
			for _, k := range c.NamedChildren() {
				if k.Type() == "identifier" {
					fs.imports[k.Text()] = Import{Local: k.Text(), Module: src, Name: "default"}
				}
			}
		case "namespace_import":
			if id := c.NamedChild(0); !id.IsNull() {
				fs.imports[id.Text()] = Import{Local: id.Text(), Module: src, Name: "*"}
			}
			return false
		case "import_specifier":
			name := c.Field("name").Text()
			local := name
			if a := c.Field("alias"); !a.IsNull() {
				local = a.Text()
			}
			fs.imports[local] = Import{Local: local, Module: src, Name: name}
			return false
		}
		return true
	})
}

func (fs *Facts) jsDeclarator(n parsers.Node) {
	name := n.Field("name")
	value := n.Field("value")
	scope := scopeOf(n)
	// require("knex")({…}), require("pg-promise")(): the module is used,
	// and the name is a variable holding what its factory made.
	if v := Unparen(value); v.Type() == "call_expression" {
		if mod, ok := requireCall(v.Field("function")); ok {
			fs.modules[mod] = true
		}
	}
	// require(): const x = require("m"); const { a, b: c } = require("m")
	if mod, ok := requireCall(value); ok {
		fs.modules[mod] = true
		switch name.Type() {
		case "identifier":
			fs.imports[name.Text()] = Import{Local: name.Text(), Module: mod, Name: "*"}
		case "object_pattern":
			for _, p := range name.NamedChildren() {
				switch p.Type() {
				case "shorthand_property_identifier_pattern":
					fs.imports[p.Text()] = Import{Local: p.Text(), Module: mod, Name: p.Text()}
				case "pair_pattern":
					if v := p.Field("value"); v.Type() == "identifier" {
						fs.imports[v.Text()] = Import{Local: v.Text(), Module: mod, Name: p.Field("key").Text()}
					}
				}
			}
		}
		return
	}
	switch name.Type() {
	case "identifier":
		fs.addDecl(Decl{Name: name.Text(), Kind: VarDecl, Node: name, Init: value, Type: typeText(n.Field("type")), Scope: scope})
	case "object_pattern", "array_pattern":
		i := 0
		name.Walk(func(c parsers.Node) bool {
			switch c.Type() {
			case "shorthand_property_identifier_pattern", "identifier":
				if c.FieldName() == "key" {
					return true
				}
				fs.addDecl(Decl{Name: c.Text(), Kind: VarDecl, Node: c, Init: value, Index: i, Scope: scope})
				i++
			}
			return true
		})
	}
}

func (fs *Facts) jsParam(n parsers.Node) {
	pat := n.Field("pattern")
	fn := n.Parent().Parent()
	typ := typeText(n.Field("type"))
	if pat.Type() == "identifier" {
		fs.addDecl(Decl{Name: pat.Text(), Kind: ParamDecl, Node: pat, Init: n.Field("value"), Type: typ, Scope: fn})
		// constructor(private readonly repo: Repository<User>) declares a field.
		for c := n.FirstChild(); !c.IsNull(); c = c.NextSibling() {
			if c.Type() == "accessibility_modifier" || c.Type() == "readonly" || c.Type() == "override_modifier" {
				fs.addField(Decl{Name: pat.Text(), Kind: FieldDecl, Node: pat, Type: typ, Scope: fn})
				break
			}
		}
		return
	}
	pat.Walk(func(c parsers.Node) bool {
		if c.Type() == "shorthand_property_identifier_pattern" || (c.Type() == "identifier" && c.FieldName() != "key") {
			fs.addDecl(Decl{Name: c.Text(), Kind: ParamDecl, Node: c, Scope: fn})
		}
		return true
	})
}

// requireCall recognises require("m") (also await import("m")).
func requireCall(e parsers.Node) (string, bool) {
	e = Unparen(e)
	if e.Type() == "await_expression" {
		e = Unparen(e.NamedChild(0))
	}
	if e.Type() != "call_expression" {
		return "", false
	}
	fn := e.Field("function")
	if fn.Text() != "require" && fn.Type() != "import" {
		return "", false
	}
	arg := e.Field("arguments").NamedChild(0)
	return StringValue(arg)
}

// typeText returns a type annotation's text without the leading colon.
func typeText(t parsers.Node) string {
	if t.IsNull() {
		return ""
	}
	if t.Type() == "type_annotation" {
		if c := t.NamedChild(0); !c.IsNull() {
			return collapse(c.Text())
		}
	}
	return collapse(t.Text())
}
