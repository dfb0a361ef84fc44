package parsers

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	sitter "github.com/smacker/go-tree-sitter"
)

// Defaults for Options fields left zero.
const (
	DefaultMaxFileBytes = 1 << 20 // 1 MiB
	DefaultTimeout      = 3 * time.Second
	// A line this long is not hand-written code.
	DefaultMaxLineBytes = 20_000
	// A file of at least minifiedMinBytes whose mean line is longer than
	// this is minified or generated.
	minifiedMeanLineBytes = 250
	minifiedMinBytes      = 4 << 10
)

// Options bound the work done on one file.
type Options struct {
	// MaxFileBytes skips larger files. Zero means DefaultMaxFileBytes;
	// negative means no limit.
	MaxFileBytes int64
	// Timeout is the parse budget per file. Zero means DefaultTimeout.
	Timeout time.Duration
	// MaxLineBytes marks a file with a longer line as minified. Zero means
	// DefaultMaxLineBytes.
	MaxLineBytes int
}

func (o Options) withDefaults() Options {
	if o.MaxFileBytes == 0 {
		o.MaxFileBytes = DefaultMaxFileBytes
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxLineBytes <= 0 {
		o.MaxLineBytes = DefaultMaxLineBytes
	}
	return o
}

// SkipReason says why a file was not analysed.
type SkipReason string

// Reasons a file is skipped.
const (
	SkipUnsupported SkipReason = "unsupported-language"
	SkipTooLarge    SkipReason = "too-large"
	SkipGenerated   SkipReason = "generated"
	SkipMinified    SkipReason = "minified"
	SkipBinary      SkipReason = "binary"
	SkipTimeout     SkipReason = "parse-timeout"
	SkipParseFailed SkipReason = "parse-failed"
)

// SkipError reports a file that was deliberately not analysed.
type SkipError struct {
	Path   string
	Reason SkipReason
	Detail string
}

func (e *SkipError) Error() string {
	if e.Detail == "" {
		return fmt.Sprintf("%s: skipped (%s)", e.Path, e.Reason)
	}
	return fmt.Sprintf("%s: skipped (%s: %s)", e.Path, e.Reason, e.Detail)
}

// AsSkip returns the *SkipError inside err, if any.
func AsSkip(err error) (*SkipError, bool) {
	var s *SkipError
	ok := errors.As(err, &s)
	return s, ok
}

// Parser parses files. It keeps one tree-sitter parser per language and a
// scratch buffer, so reuse it for many files, from one goroutine only.
type Parser struct {
	opts    Options
	parsers [TSX + 1]*sitter.Parser
	scratch []record
}

// NewParser returns a Parser with the given limits.
func NewParser(opts Options) *Parser {
	loadGrammars()
	return &Parser{opts: opts.withDefaults()}
}

// Close frees the tree-sitter parsers. The Parser must not be used after.
func (p *Parser) Close() {
	for i, sp := range p.parsers {
		if sp != nil {
			sp.Close()
			p.parsers[i] = nil
		}
	}
}

func (p *Parser) sitterParser(l Language) *sitter.Parser {
	if sp := p.parsers[l]; sp != nil {
		return sp
	}
	sp := sitter.NewParser()
	sp.SetLanguage(grammarFor(l).lang)
	sp.SetOperationLimit(int(p.opts.Timeout / time.Microsecond))
	p.parsers[l] = sp
	return sp
}

// discard drops a tree-sitter parser whose state may be unusable (after a
// timeout or cancellation) so the next file gets a fresh one.
func (p *Parser) discard(l Language) {
	if sp := p.parsers[l]; sp != nil {
		sp.Close()
		p.parsers[l] = nil
	}
}

// Parse parses src as the language detected from path. A file that is not
// analysed yields a *SkipError; a cancelled ctx yields ctx.Err().
func (p *Parser) Parse(ctx context.Context, path string, src []byte) (*File, error) {
	return p.ParseAs(ctx, path, Detect(path), src)
}

// ParseAs parses src as lang.
func (p *Parser) ParseAs(ctx context.Context, path string, lang Language, src []byte) (*File, error) {
	if lang == Unknown || grammarFor(lang) == nil {
		return nil, &SkipError{Path: path, Reason: SkipUnsupported}
	}
	if err := Screen(path, src, p.opts); err != nil {
		return nil, err
	}
	sp := p.sitterParser(lang)
	tree, err := sp.ParseCtx(ctx, nil, src)
	if err != nil || tree == nil {
		p.discard(lang)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if errors.Is(err, sitter.ErrOperationLimit) {
			return nil, &SkipError{Path: path, Reason: SkipTimeout, Detail: fmt.Sprintf("over %s", p.opts.Timeout)}
		}
		return nil, &SkipError{Path: path, Reason: SkipParseFailed, Detail: fmt.Sprint(err)}
	}
	root := tree.RootNode()
	p.scratch = flatten(root, p.scratch, len(src)/2+64)
	tree.Close()

	f := &File{Path: path, Lang: lang, Src: src, g: grammarFor(lang)}
	f.nodes = make([]record, len(p.scratch))
	copy(f.nodes, p.scratch)
	if cap(p.scratch) > 1<<20 {
		p.scratch = nil // do not pin a huge buffer after an outlier
	}
	f.index()
	return f, nil
}

var generatedRE = regexp.MustCompile(`(?m)^\s*(//|/\*|\*)\s*(Code generated .* DO NOT EDIT\.|@generated\b)`)

// Screen applies the cheap checks that decide, before parsing, whether a
// file is worth analysing. It returns a *SkipError or nil.
func Screen(path string, src []byte, opts Options) error {
	opts = opts.withDefaults()
	if opts.MaxFileBytes > 0 && int64(len(src)) > opts.MaxFileBytes {
		return &SkipError{Path: path, Reason: SkipTooLarge,
			Detail: fmt.Sprintf("%d bytes, limit %d", len(src), opts.MaxFileBytes)}
	}
	head := src
	if len(head) > 8<<10 {
		head = head[:8<<10]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return &SkipError{Path: path, Reason: SkipBinary, Detail: "contains NUL bytes"}
	}
	lower := strings.ToLower(path)
	for _, ext := range []string{".min.js", ".min.mjs", ".min.cjs", "-min.js", ".bundle.js"} {
		if strings.HasSuffix(lower, ext) {
			return &SkipError{Path: path, Reason: SkipMinified, Detail: "file name"}
		}
	}
	if isGenerated(src) {
		return &SkipError{Path: path, Reason: SkipGenerated, Detail: "generated-code header"}
	}
	if Detect(path) != Go && isBundle(src) {
		return &SkipError{Path: path, Reason: SkipGenerated, Detail: "bundler output"}
	}
	longest, lines := 0, 1
	start := 0
	for i, b := range src {
		if b == '\n' {
			if i-start > longest {
				longest = i - start
			}
			start = i + 1
			lines++
		}
	}
	if len(src)-start > longest {
		longest = len(src) - start
	}
	if longest > opts.MaxLineBytes {
		return &SkipError{Path: path, Reason: SkipMinified,
			Detail: fmt.Sprintf("a line of %d bytes", longest)}
	}
	if len(src) >= minifiedMinBytes && len(src)/lines > minifiedMeanLineBytes {
		return &SkipError{Path: path, Reason: SkipMinified,
			Detail: fmt.Sprintf("mean line length %d bytes", len(src)/lines)}
	}
	return nil
}

// bundleMarkers are annotations and runtime names bundlers (webpack,
// esbuild, Rollup, Terser) write into their output.
var bundleMarkers = [][]byte{[]byte("/* @__PURE__ */"), []byte("/*#__PURE__*/"), []byte("__webpack_require__")}

// isBundle reports whether a JavaScript file is bundler output: three or
// more bundler markers. Its code comes from library sources bundled in, so
// a finding there belongs to those sources, not to the repository.
func isBundle(src []byte) bool {
	n := 0
	for _, m := range bundleMarkers {
		if n += bytes.Count(src, m); n >= 3 {
			return true
		}
	}
	return false
}

// isGenerated looks for a generated-code marker in the leading comments
// (Go's "Code generated … DO NOT EDIT." convention, or "@generated").
func isGenerated(src []byte) bool {
	head := src
	// The marker belongs before the code; 4 KiB covers licence headers.
	if len(head) > 4<<10 {
		head = head[:4<<10]
	}
	return generatedRE.Match(head)
}
