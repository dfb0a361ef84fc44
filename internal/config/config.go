// Package config reads .github/hotpath.yml, the per-repository settings
// shared by `hotpath scan` and the GitHub App.
//
// Parsing is strict: unknown keys, wrong types, unknown rule IDs and bad
// globs are errors, and every error names the line it comes from, so a
// broken file is reported where it is broken rather than silently ignored.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/hotpath-app/hotpath/rules"
)

// DefaultPath is where the config file lives in a repository.
const DefaultPath = ".github/hotpath.yml"

// Defaults for the comment settings.
const (
	DefaultMaxComments = 25
	// MaxMaxComments bounds max_comments: a review with hundreds of inline
	// comments makes the pull request page unusable.
	MaxMaxComments = 100
)

// Config is a parsed config file. The zero value is not ready; use
// Default() or Parse.
type Config struct {
	// Rules maps rule IDs to their settings; rules not listed keep their
	// defaults.
	Rules map[string]RuleConfig `json:"rules,omitempty"`
	// Paths limits which files are analysed.
	Paths Paths `yaml:"paths" json:"paths"`
	// FailOn is the lowest severity that fails `hotpath scan` and the check
	// run: "error" (default), "warning", "notice" or "never".
	FailOn FailOn `json:"fail_on"`
	// Comments tunes the App's pull request reviews.
	Comments Comments `json:"comments"`
	// Knowledge teaches rules the repository's own wrappers.
	Knowledge rules.Knowledge `yaml:"knowledge" json:"knowledge"`
	// Limits bound per-file work.
	Limits Limits `yaml:"limits" json:"limits"`
}

// RuleConfig is one rule's entry: a bare severity, or a map.
type RuleConfig struct {
	Severity rules.Severity `yaml:"severity" json:"severity"`
	// Exclude lists globs of paths the rule does not report on.
	Exclude []string `yaml:"exclude" json:"exclude,omitempty"`
}

// Paths selects files.
type Paths struct {
	// Include globs; when non-empty, only matching files are analysed.
	Include []string `yaml:"include" json:"include,omitempty"`
	// Exclude globs win over Include.
	Exclude []string `yaml:"exclude" json:"exclude,omitempty"`
	// Tests includes test code (*_test.go, *.test.ts, __tests__/, test/…),
	// which is excluded by default: setup loops in tests are not
	// production N+1 queries.
	Tests bool `yaml:"tests" json:"tests"`
}

// Comments tunes the App's reviews.
type Comments struct {
	// MaxComments caps inline comments per review (default 25); the rest
	// are listed in the review body.
	MaxComments int `yaml:"max_comments" json:"max_comments"`
	// Scope is which findings get inline comments: "added" (default:
	// findings touching added or changed lines), "diff" (anywhere in a
	// diff hunk) or "file" (anywhere in a changed file, as annotations
	// when outside the diff).
	Scope string `yaml:"scope" json:"scope"`
}

// Limits bound per-file work.
type Limits struct {
	// MaxFileBytes skips larger files (default 1 MiB).
	MaxFileBytes int64 `yaml:"max_file_bytes" json:"max_file_bytes,omitempty"`
}

// Scopes accepted by comments.scope.
var Scopes = []string{"added", "diff", "file"}

// Default returns the configuration used when a repository has no file.
func Default() *Config {
	return &Config{
		Rules:    map[string]RuleConfig{},
		FailOn:   FailOn{Severity: rules.Error},
		Comments: Comments{MaxComments: DefaultMaxComments, Scope: "added"},
	}
}

// FailOn is a severity threshold or "never".
type FailOn struct {
	Never    bool
	Severity rules.Severity
}

func (f FailOn) String() string {
	if f.Never {
		return "never"
	}
	return f.Severity.String()
}

// Fails reports whether a finding of severity s fails the run.
func (f FailOn) Fails(s rules.Severity) bool {
	return !f.Never && s != rules.Off && s >= f.Severity
}

// MarshalText implements encoding.TextMarshaler.
func (f FailOn) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// ParseFailOn parses "error", "warning", "notice" or "never".
func ParseFailOn(s string) (FailOn, error) {
	s = strings.TrimSpace(s)
	if s == "never" {
		return FailOn{Never: true}, nil
	}
	sev, err := rules.ParseSeverity(s)
	if err != nil || sev == rules.Off {
		return FailOn{}, fmt.Errorf("fail_on must be error, warning, notice or never, not %q", s)
	}
	return FailOn{Severity: sev}, nil
}

// fileConfig is the file's shape as decoded; values that need checking
// with their line numbers stay as strings or YAML nodes until validate.
type fileConfig struct {
	Rules     map[string]ast.Node `yaml:"rules"`
	Paths     Paths               `yaml:"paths"`
	FailOn    *string             `yaml:"fail_on"`
	Comments  *fileComments       `yaml:"comments"`
	Knowledge rules.Knowledge     `yaml:"knowledge"`
	Limits    Limits              `yaml:"limits"`
}

type fileComments struct {
	MaxComments *int    `yaml:"max_comments"`
	Scope       *string `yaml:"scope"`
}

type fileRule struct {
	Severity *string  `yaml:"severity"`
	Exclude  []string `yaml:"exclude"`
}

// Error is a config problem at a line of the file (0 when unknown).
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// Parse reads a config file. An empty file yields the defaults.
func Parse(data []byte) (*Config, error) {
	cfg := Default()
	if len(bytes.TrimSpace(data)) == 0 {
		return cfg, nil
	}
	file, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, yamlError(err)
	}
	if len(file.Docs) > 1 {
		return nil, &Error{Line: 1, Msg: "the file holds several YAML documents; use one"}
	}
	var body ast.Node
	if len(file.Docs) == 1 {
		body = file.Docs[0].Body
	}
	if body == nil {
		return cfg, nil
	}
	if _, ok := body.(*ast.MappingNode); !ok {
		if _, ok := body.(*ast.MappingValueNode); !ok {
			return nil, &Error{Line: body.GetToken().Position.Line, Msg: "the config must be a mapping of keys (rules, paths, fail_on, comments, knowledge, limits)"}
		}
	}
	var fc fileConfig
	if err := yaml.NodeToValue(body, &fc, yaml.Strict()); err != nil {
		return nil, yamlError(err)
	}
	if err := cfg.fill(&fc, file); err != nil {
		return nil, err
	}
	if err := cfg.validate(file); err != nil {
		return nil, err
	}
	return cfg, nil
}

func nodeLine(n ast.Node) int {
	if n == nil || n.GetToken() == nil || n.GetToken().Position == nil {
		return 0
	}
	return n.GetToken().Position.Line
}

// fill converts the decoded file into cfg, checking severities and
// fail_on with their lines.
func (c *Config) fill(fc *fileConfig, file *ast.File) error {
	lineOf := linesIn(file)
	c.Paths, c.Knowledge, c.Limits = fc.Paths, fc.Knowledge, fc.Limits
	if fc.FailOn != nil {
		f, err := ParseFailOn(*fc.FailOn)
		if err != nil {
			return &Error{Line: lineOf("$.fail_on"), Msg: err.Error()}
		}
		c.FailOn = f
	}
	if fc.Comments != nil {
		if fc.Comments.MaxComments != nil {
			c.Comments.MaxComments = *fc.Comments.MaxComments
		}
		if fc.Comments.Scope != nil {
			c.Comments.Scope = *fc.Comments.Scope
		}
	}
	for id, n := range fc.Rules {
		line := nodeLine(n)
		if rules.ByID(id) == nil {
			return &Error{Line: lineOf("$.rules." + id), Msg: fmt.Sprintf("unknown rule %q (known: %s)", id, strings.Join(rules.IDs(), ", "))}
		}
		var rc RuleConfig
		switch v := n.(type) {
		case *ast.StringNode:
			sev, err := rules.ParseSeverity(v.Value)
			if err != nil {
				return &Error{Line: line, Msg: fmt.Sprintf("rules.%s: %v", id, err)}
			}
			rc.Severity = sev
		case *ast.MappingNode, *ast.MappingValueNode:
			var fr fileRule
			if err := yaml.NodeToValue(n, &fr, yaml.Strict()); err != nil {
				return yamlError(err)
			}
			if fr.Severity == nil {
				return &Error{Line: lineOf("$.rules." + id), Msg: fmt.Sprintf("rules.%s: severity is required (off, notice, warning or error)", id)}
			}
			sev, err := rules.ParseSeverity(*fr.Severity)
			if err != nil {
				return &Error{Line: lineOf("$.rules." + id + ".severity"), Msg: fmt.Sprintf("rules.%s: %v", id, err)}
			}
			rc = RuleConfig{Severity: sev, Exclude: fr.Exclude}
		default:
			return &Error{Line: line, Msg: fmt.Sprintf("rules.%s: want a severity (off, notice, warning, error) or a map with severity and exclude", id)}
		}
		c.Rules[id] = rc
	}
	return nil
}

// linesIn returns a function giving the line of a YAML path in file.
func linesIn(file *ast.File) func(string) int {
	return func(path string) int {
		p, err := yaml.PathString(path)
		if err != nil {
			return 0
		}
		n, err := p.FilterFile(file)
		if err != nil {
			return 0
		}
		return nodeLine(n)
	}
}

// yamlError turns a go-yaml error into an *Error with its line.
func yamlError(err error) error {
	var se yaml.Error
	if errors.As(err, &se) {
		if tk := se.GetToken(); tk != nil && tk.Position != nil {
			return &Error{Line: tk.Position.Line, Msg: cleanMessage(se.GetMessage())}
		}
		return &Error{Msg: cleanMessage(se.GetMessage())}
	}
	return &Error{Msg: cleanMessage(err.Error())}
}

func cleanMessage(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "\n"); i > 0 {
		s = s[:i]
	}
	return strings.TrimSpace(strings.TrimPrefix(s, "yaml:"))
}

// validate checks what the YAML decoder cannot: rule IDs, severities,
// globs, scope and ranges. Errors point at the offending key.
func (c *Config) validate(file *ast.File) error {
	lineOf := linesIn(file)
	for id, rc := range c.Rules {
		if err := checkGlobs(rc.Exclude); err != nil {
			return &Error{Line: lineOf("$.rules." + id + ".exclude"), Msg: fmt.Sprintf("rules.%s.exclude: %v", id, err)}
		}
	}
	if err := checkGlobs(c.Paths.Include); err != nil {
		return &Error{Line: lineOf("$.paths.include"), Msg: "paths.include: " + err.Error()}
	}
	if err := checkGlobs(c.Paths.Exclude); err != nil {
		return &Error{Line: lineOf("$.paths.exclude"), Msg: "paths.exclude: " + err.Error()}
	}
	if c.Comments.MaxComments < 0 || c.Comments.MaxComments > MaxMaxComments {
		return &Error{Line: lineOf("$.comments.max_comments"), Msg: fmt.Sprintf("comments.max_comments must be between 0 and %d", MaxMaxComments)}
	}
	valid := false
	for _, s := range Scopes {
		valid = valid || c.Comments.Scope == s
	}
	if !valid {
		return &Error{Line: lineOf("$.comments.scope"), Msg: fmt.Sprintf("comments.scope must be one of %s, not %q", strings.Join(Scopes, ", "), c.Comments.Scope)}
	}
	if c.Limits.MaxFileBytes < 0 {
		return &Error{Line: lineOf("$.limits.max_file_bytes"), Msg: "limits.max_file_bytes must not be negative"}
	}
	if err := c.Knowledge.Validate(); err != nil {
		return &Error{Line: lineOf("$.knowledge"), Msg: "knowledge." + err.Error()}
	}
	return nil
}

func checkGlobs(globs []string) error {
	for _, g := range globs {
		if strings.TrimSpace(g) == "" {
			return fmt.Errorf("empty glob")
		}
		if !doublestar.ValidatePattern(g) {
			return fmt.Errorf("bad glob %q", g)
		}
	}
	return nil
}

// Settings returns the rule settings for rules.Analyze.
func (c *Config) Settings() *rules.Settings {
	s := &rules.Settings{Severity: map[string]rules.Severity{}, Knowledge: c.Knowledge}
	for id, rc := range c.Rules {
		s.Severity[id] = rc.Severity
	}
	return s
}
