// Package parsers turns source files into syntax trees that the rules can
// walk cheaply.
//
// Parsing uses the tree-sitter grammars bundled with
// github.com/smacker/go-tree-sitter (Go, JavaScript, TypeScript and TSX).
// Right after tree-sitter finishes, the whole tree is copied in one cgo call
// into a flat, pre-order array of small records owned by Go, and the C tree is
// closed. Rules then navigate that array without crossing into C again:
// a cgo call per node would cost more than the parse itself.
//
// A Parser is not safe for concurrent use; give each goroutine its own.
// A File is immutable after Parse and may be shared between goroutines.
//
// Files that should not be analysed (too large, generated, minified, binary,
// too slow to parse) are reported with a *SkipError naming the reason; they
// are never dropped silently. Files with syntax errors still produce a tree:
// tree-sitter recovers, and File.SyntaxErrors counts the damage.
package parsers
