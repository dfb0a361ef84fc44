package rules

import (
	"github.com/hotpath-app/hotpath/parsers"
)

// collectGo gathers imports, declarations, struct fields and functions of a
// Go file in one walk.
func (fs *Facts) collectGo() {
	fs.File.Root().Walk(func(n parsers.Node) bool {
		switch n.Type() {
		case "import_spec":
			p, _ := StringValue(n.Field("path"))
			if p == "" {
				return false
			}
			fs.modules[p] = true
			local := goPackageName(p)
			if name := n.Field("name"); !name.IsNull() {
				local = name.Text()
			}
			if local != "_" && local != "." {
				fs.imports[local] = Import{Local: local, Module: p, Name: "*"}
			}
			return false
		case "short_var_declaration":
			fs.goAssign(n.Field("left"), n.Field("right"), "", scopeOf(n))
		case "range_clause":
			// for i, v := range xs: both names take the ranged expression.
			if l := n.Field("left"); !l.IsNull() {
				for i, name := range l.NamedChildren() {
					if name.Type() == "identifier" && name.Text() != "_" {
						fs.addDecl(Decl{Name: name.Text(), Kind: VarDecl, Node: name, Init: n.Field("right"), Index: i, Scope: scopeOf(n)})
					}
				}
			}
		case "var_spec", "const_spec":
			typ := collapse(n.Field("type").Text())
			var names []parsers.Node
			for c := n.FirstChild(); !c.IsNull(); c = c.NextSibling() {
				if c.FieldName() == "name" {
					names = append(names, c)
				}
			}
			values := n.Field("value").NamedChildren()
			for i, name := range names {
				d := Decl{Name: name.Text(), Kind: VarDecl, Node: name, Type: typ, Scope: scopeOf(n)}
				if len(values) == len(names) {
					d.Init = values[i]
				} else if len(values) == 1 {
					d.Init, d.Index = values[0], i
				}
				fs.addDecl(d)
			}
		case "parameter_declaration", "variadic_parameter_declaration":
			typ := collapse(n.Field("type").Text())
			fn := n.Parent().Parent()
			for c := n.FirstChild(); !c.IsNull(); c = c.NextSibling() {
				if c.FieldName() == "name" {
					fs.addDecl(Decl{Name: c.Text(), Kind: ParamDecl, Node: c, Type: typ, Scope: fn})
				}
			}
		case "field_declaration":
			typ := collapse(n.Field("type").Text())
			names := 0
			for c := n.FirstChild(); !c.IsNull(); c = c.NextSibling() {
				if c.FieldName() == "name" {
					fs.addField(Decl{Name: c.Text(), Kind: FieldDecl, Node: c, Type: typ, Scope: n.Parent()})
					names++
				}
			}
			if names == 0 && !n.Field("type").IsNull() {
				// Embedded field: *sql.DB is reachable as s.DB.
				t := n.Field("type")
				name := t.Text()
				t.Walk(func(c parsers.Node) bool {
					if c.Type() == "type_identifier" {
						name = c.Text()
					}
					return true
				})
				fs.addField(Decl{Name: name, Kind: FieldDecl, Node: t, Type: typ, Scope: n.Parent()})
			}
		case "function_declaration", "method_declaration":
			name := n.Field("name").Text()
			fs.funcs[name] = append(fs.funcs[name], n)
		case "func_literal":
			if p := n.Parent(); p.Type() == "expression_list" {
				if decl := p.Parent(); decl.Type() == "short_var_declaration" || decl.Type() == "assignment_statement" {
					if names := decl.Field("left").NamedChildren(); len(names) == 1 {
						fs.funcs[names[0].Text()] = append(fs.funcs[names[0].Text()], n)
					}
				}
			}
		}
		return true
	})
}

// goAssign records x, y := a, b and rows, err := db.Query(…).
func (fs *Facts) goAssign(left, right parsers.Node, typ string, scope parsers.Node) {
	names := left.NamedChildren()
	values := right.NamedChildren()
	for i, name := range names {
		if name.Type() != "identifier" || name.Text() == "_" {
			continue
		}
		d := Decl{Name: name.Text(), Kind: VarDecl, Node: name, Type: typ, Scope: scope}
		if len(values) == len(names) {
			d.Init = values[i]
		} else if len(values) == 1 {
			d.Init, d.Index = values[0], i
		}
		fs.addDecl(d)
	}
}

// isGoReceiver reports whether a parameter identifier is a method receiver.
func isGoReceiver(id parsers.Node) bool {
	pl := id.Parent().Parent()
	return pl.Type() == "parameter_list" && pl.FieldName() == "receiver"
}
