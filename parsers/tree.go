package parsers

import (
	"sort"
	"unicode/utf8"
)

// File is a parsed source file: its bytes and a flattened syntax tree.
// It is immutable and safe to share between goroutines.
type File struct {
	Path string
	Lang Language
	Src  []byte
	// SyntaxErrors counts ERROR and MISSING nodes. The tree is still usable.
	SyntaxErrors int

	g        *grammar
	nodes    []record
	after    []int32  // after[i] is the index just past i's subtree
	lines    []uint32 // byte offset of the start of each line
	comments []int32
}

// Node is a handle on one node of a File's tree. The zero Node is "no node":
// its methods return zero values and IsNull reports true.
type Node struct {
	f  *File
	id int32
}

// Root returns the root node of the tree.
func (f *File) Root() Node {
	if f == nil || len(f.nodes) == 0 {
		return Node{}
	}
	return Node{f, 0}
}

// NodeCount returns the number of nodes, named and anonymous.
func (f *File) NodeCount() int { return len(f.nodes) }

// Comments returns the comment nodes in source order.
func (f *File) Comments() []Node {
	out := make([]Node, len(f.comments))
	for i, id := range f.comments {
		out[i] = Node{f, id}
	}
	return out
}

// LineCount returns the number of lines in the source.
func (f *File) LineCount() int { return len(f.lines) }

// Line returns the text of 1-based line n without its line terminator.
func (f *File) Line(n int) string {
	if n < 1 || n > len(f.lines) {
		return ""
	}
	start := f.lines[n-1]
	end := uint32(len(f.Src))
	if n < len(f.lines) {
		end = f.lines[n] - 1
	}
	if end > start && f.Src[end-1] == '\r' {
		end--
	}
	return string(f.Src[start:end])
}

// Position converts a byte offset to a 1-based line and a 1-based column
// counted in characters (runes); invalid UTF-8 bytes count one each.
func (f *File) Position(offset uint32) (line, col int) {
	i := sort.Search(len(f.lines), func(i int) bool { return f.lines[i] > offset }) - 1
	if i < 0 {
		i = 0
	}
	start := f.lines[i]
	if offset > uint32(len(f.Src)) {
		offset = uint32(len(f.Src))
	}
	return i + 1, utf8.RuneCount(f.Src[start:offset]) + 1
}

// LineOf returns the 1-based line holding a byte offset.
func (f *File) LineOf(offset uint32) int {
	i := sort.Search(len(f.lines), func(i int) bool { return f.lines[i] > offset })
	if i < 1 {
		return 1
	}
	return i
}

// index computes subtree extents, line starts and the comment list.
func (f *File) index() {
	n := len(f.nodes)
	f.after = make([]int32, n)
	for i := range f.after {
		f.after[i] = int32(i + 1)
	}
	for j := n - 1; j > 0; j-- {
		p := f.nodes[j].parent
		if p >= 0 && f.after[j] > f.after[p] {
			f.after[p] = f.after[j]
		}
	}
	f.lines = append(f.lines[:0], 0)
	for i, b := range f.Src {
		if b == '\n' {
			f.lines = append(f.lines, uint32(i+1))
		}
	}
	for i := range f.nodes {
		r := &f.nodes[i]
		if r.sym == errorSymbol || r.flags&flagMissing != 0 {
			f.SyntaxErrors++
		}
		if r.flags&flagExtra != 0 && f.g.symbolName(r.sym) == "comment" {
			f.comments = append(f.comments, int32(i))
		}
	}
}

// IsNull reports whether n is the zero Node.
func (n Node) IsNull() bool { return n.f == nil }

// File returns the file n belongs to.
func (n Node) File() *File { return n.f }

// ID returns an index unique within the file, in pre-order. Nodes that come
// earlier in the source have smaller IDs than the nodes they enclose or follow.
func (n Node) ID() int { return int(n.id) }

func (n Node) rec() *record { return &n.f.nodes[n.id] }

// Type returns the grammar's node type, such as "call_expression".
// Anonymous nodes return their literal text, such as "await" or "(".
func (n Node) Type() string {
	if n.f == nil {
		return ""
	}
	return n.f.g.symbolName(n.rec().sym)
}

// Is reports whether n's type is one of types.
func (n Node) Is(types ...string) bool {
	t := n.Type()
	for _, x := range types {
		if t == x {
			return true
		}
	}
	return false
}

// IsNamed reports whether n is a named node (not punctuation or a keyword).
func (n Node) IsNamed() bool { return n.f != nil && n.rec().flags&flagNamed != 0 }

// IsMissing reports whether tree-sitter inserted n to recover from an error.
func (n Node) IsMissing() bool { return n.f != nil && n.rec().flags&flagMissing != 0 }

// FieldName returns the name of the field n occupies in its parent, or "".
func (n Node) FieldName() string {
	if n.f == nil {
		return ""
	}
	return n.f.g.fields[n.rec().field]
}

// StartByte and EndByte return n's byte range in the source.
func (n Node) StartByte() uint32 {
	if n.f == nil {
		return 0
	}
	return n.rec().start
}

// EndByte returns the offset just past n.
func (n Node) EndByte() uint32 {
	if n.f == nil {
		return 0
	}
	return n.rec().end
}

// Text returns n's source text.
func (n Node) Text() string {
	if n.f == nil {
		return ""
	}
	r := n.rec()
	return string(n.f.Src[r.start:r.end])
}

// StartLine returns n's first 1-based line.
func (n Node) StartLine() int {
	if n.f == nil {
		return 0
	}
	return n.f.LineOf(n.rec().start)
}

// EndLine returns the 1-based line of n's last byte.
func (n Node) EndLine() int {
	if n.f == nil {
		return 0
	}
	r := n.rec()
	end := r.end
	if end > r.start {
		end--
	}
	return n.f.LineOf(end)
}

// Parent returns n's parent, or the zero Node at the root.
func (n Node) Parent() Node {
	if n.f == nil {
		return Node{}
	}
	p := n.rec().parent
	if p < 0 {
		return Node{}
	}
	return Node{n.f, p}
}

// ChildCount returns the number of direct children, named or not.
func (n Node) ChildCount() int {
	c := 0
	for ch := n.FirstChild(); !ch.IsNull(); ch = ch.NextSibling() {
		c++
	}
	return c
}

// FirstChild returns n's first child.
func (n Node) FirstChild() Node {
	if n.f == nil {
		return Node{}
	}
	c := n.id + 1
	if int(c) < len(n.f.nodes) && n.f.nodes[c].parent == n.id {
		return Node{n.f, c}
	}
	return Node{}
}

// NextSibling returns the next child of n's parent.
func (n Node) NextSibling() Node {
	if n.f == nil {
		return Node{}
	}
	s := n.f.after[n.id]
	if int(s) < len(n.f.nodes) && n.f.nodes[s].parent == n.rec().parent && n.rec().parent >= 0 {
		return Node{n.f, s}
	}
	return Node{}
}

// NextNamedSibling returns the next named child of n's parent.
func (n Node) NextNamedSibling() Node {
	for s := n.NextSibling(); !s.IsNull(); s = s.NextSibling() {
		if s.IsNamed() {
			return s
		}
	}
	return Node{}
}

// PrevNamedSibling returns the previous named child of n's parent.
func (n Node) PrevNamedSibling() Node {
	p := n.Parent()
	var prev Node
	for c := p.FirstChild(); !c.IsNull(); c = c.NextSibling() {
		if c.id == n.id {
			return prev
		}
		if c.IsNamed() {
			prev = c
		}
	}
	return Node{}
}

// Children returns n's direct children, named and anonymous.
func (n Node) Children() []Node {
	var out []Node
	for c := n.FirstChild(); !c.IsNull(); c = c.NextSibling() {
		out = append(out, c)
	}
	return out
}

// NamedChildren returns n's direct named children, comments included.
func (n Node) NamedChildren() []Node {
	var out []Node
	for c := n.FirstChild(); !c.IsNull(); c = c.NextSibling() {
		if c.IsNamed() {
			out = append(out, c)
		}
	}
	return out
}

// NamedChild returns the i-th named child (0-based), or the zero Node.
func (n Node) NamedChild(i int) Node {
	for c := n.FirstChild(); !c.IsNull(); c = c.NextSibling() {
		if c.IsNamed() {
			if i == 0 {
				return c
			}
			i--
		}
	}
	return Node{}
}

// Field returns the first child in the named field, or the zero Node.
func (n Node) Field(name string) Node {
	if n.f == nil {
		return Node{}
	}
	id, ok := n.f.g.fieldID[name]
	if !ok {
		return Node{}
	}
	for c := n.FirstChild(); !c.IsNull(); c = c.NextSibling() {
		if c.rec().field == id {
			return c
		}
	}
	return Node{}
}

// FieldAll returns every child in the named field.
func (n Node) FieldAll(name string) []Node {
	if n.f == nil {
		return nil
	}
	id, ok := n.f.g.fieldID[name]
	if !ok {
		return nil
	}
	var out []Node
	for c := n.FirstChild(); !c.IsNull(); c = c.NextSibling() {
		if c.rec().field == id {
			out = append(out, c)
		}
	}
	return out
}

// Contains reports whether m lies inside n's subtree (or is n).
func (n Node) Contains(m Node) bool {
	if n.f == nil || m.f != n.f {
		return false
	}
	return m.id >= n.id && m.id < n.f.after[n.id]
}

// Walk calls fn for n and each node below it in pre-order. When fn returns
// false the node's children are skipped.
func (n Node) Walk(fn func(Node) bool) {
	if n.f == nil {
		return
	}
	end := n.f.after[n.id]
	for i := n.id; i < end; {
		if fn(Node{n.f, i}) {
			i++
		} else {
			i = n.f.after[i]
		}
	}
}

// Ancestors calls fn for each ancestor of n, innermost first, until fn
// returns false.
func (n Node) Ancestors(fn func(Node) bool) {
	for p := n.Parent(); !p.IsNull(); p = p.Parent() {
		if !fn(p) {
			return
		}
	}
}

// String returns an S-expression of the named nodes below n, with field
// names, in the style of tree-sitter's corpus tests.
func (n Node) String() string {
	if n.f == nil {
		return "<null>"
	}
	var b []byte
	var rec func(m Node)
	rec = func(m Node) {
		b = append(b, '(')
		b = append(b, m.Type()...)
		for c := m.FirstChild(); !c.IsNull(); c = c.NextSibling() {
			if !c.IsNamed() {
				continue
			}
			b = append(b, ' ')
			if f := c.FieldName(); f != "" {
				b = append(b, f...)
				b = append(b, ": "...)
			}
			rec(c)
		}
		b = append(b, ')')
	}
	rec(n)
	return string(b)
}
