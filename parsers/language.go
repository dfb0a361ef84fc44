package parsers

import (
	"path/filepath"
	"strings"
	"sync"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/golang"
	"github.com/smacker/go-tree-sitter/javascript"
	"github.com/smacker/go-tree-sitter/typescript/tsx"
	"github.com/smacker/go-tree-sitter/typescript/typescript"
)

// Language identifies a grammar.
type Language uint8

// The supported languages. Unknown is the zero value.
const (
	Unknown Language = iota
	Go
	JavaScript
	TypeScript
	TSX
)

var languageNames = [...]string{Unknown: "unknown", Go: "go", JavaScript: "javascript", TypeScript: "typescript", TSX: "tsx"}

// String returns the lower-case name used in config files and output.
func (l Language) String() string {
	if int(l) < len(languageNames) {
		return languageNames[l]
	}
	return "unknown"
}

// IsJS reports whether l is JavaScript or one of its TypeScript dialects.
// Rules treat the three alike.
func (l Language) IsJS() bool { return l == JavaScript || l == TypeScript || l == TSX }

// Languages lists every supported language.
func Languages() []Language { return []Language{Go, JavaScript, TypeScript, TSX} }

// ParseLanguage maps a name ("go", "ts", "typescript", "js", …) to a Language.
func ParseLanguage(name string) Language {
	switch strings.ToLower(name) {
	case "go", "golang":
		return Go
	case "js", "javascript":
		return JavaScript
	case "ts", "typescript":
		return TypeScript
	case "tsx":
		return TSX
	}
	return Unknown
}

// Detect picks the language of a file from its extension. It returns Unknown
// for files hotpath does not analyse.
func Detect(path string) Language {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".go":
		return Go
	case ".js", ".mjs", ".cjs", ".jsx":
		return JavaScript
	case ".ts", ".mts", ".cts":
		if strings.HasSuffix(strings.ToLower(path), ".d.ts") ||
			strings.HasSuffix(strings.ToLower(path), ".d.mts") ||
			strings.HasSuffix(strings.ToLower(path), ".d.cts") {
			return Unknown // declaration files hold no executable code
		}
		return TypeScript
	case ".tsx":
		return TSX
	}
	return Unknown
}

// grammar holds a tree-sitter language and its symbol and field tables,
// copied into Go once so node types can be read without cgo calls.
type grammar struct {
	lang    *sitter.Language
	symbols []string // symbol id -> node type
	named   []bool   // symbol id -> named node
	fields  []string // field id -> field name ("" for 0)
	fieldID map[string]uint16
}

var (
	grammarsOnce sync.Once
	grammars     [TSX + 1]*grammar
)

func loadGrammars() {
	grammarsOnce.Do(func() {
		grammars[Go] = newGrammar(golang.GetLanguage())
		grammars[JavaScript] = newGrammar(javascript.GetLanguage())
		grammars[TypeScript] = newGrammar(typescript.GetLanguage())
		grammars[TSX] = newGrammar(tsx.GetLanguage())
	})
}

func grammarFor(l Language) *grammar {
	loadGrammars()
	if int(l) >= len(grammars) {
		return nil
	}
	return grammars[l]
}

func newGrammar(l *sitter.Language) *grammar {
	g := &grammar{lang: l, fieldID: map[string]uint16{}}
	n := l.SymbolCount()
	g.symbols = make([]string, n)
	g.named = make([]bool, n)
	for i := uint32(0); i < n; i++ {
		g.symbols[i] = l.SymbolName(sitter.Symbol(i))
		g.named[i] = l.SymbolType(sitter.Symbol(i)) == sitter.SymbolTypeRegular
	}
	g.fields = []string{""}
	for i := 1; ; i++ {
		name := l.FieldName(i)
		if name == "" {
			break
		}
		g.fields = append(g.fields, name)
		g.fieldID[name] = uint16(i)
	}
	return g
}

// symbolName returns the node type for a symbol id. tree-sitter's ERROR
// symbol is 65535, outside the table.
func (g *grammar) symbolName(sym uint16) string {
	if sym == errorSymbol {
		return "ERROR"
	}
	if int(sym) < len(g.symbols) {
		return g.symbols[sym]
	}
	return ""
}

const errorSymbol = 0xFFFF
