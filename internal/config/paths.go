package config

import (
	"path"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// testDirs are directory names that hold test code.
var testDirs = map[string]bool{"__tests__": true, "__mocks__": true, "test": true, "tests": true, "e2e": true, "testdata": true, "cypress": true}

// IsTestFile reports whether a slash-separated path is test code by the
// usual conventions: *_test.go, *.test.*, *.spec.*, or a file under
// __tests__/, __mocks__/, test/, tests/, e2e/, testdata/ or cypress/.
func IsTestFile(p string) bool {
	p = strings.TrimPrefix(path.Clean("/"+p), "/")
	base := path.Base(p)
	if strings.HasSuffix(base, "_test.go") {
		return true
	}
	parts := strings.Split(base, ".")
	for _, part := range parts[1:] {
		if part == "test" || part == "spec" || part == "e2e" {
			return true
		}
	}
	dirs := strings.Split(path.Dir(p), "/")
	for _, d := range dirs {
		if testDirs[d] {
			return true
		}
	}
	return false
}

// Selects reports whether a file (slash-separated, relative to the
// repository root) is analysed, and if not, why.
func (c *Config) Selects(p string) (bool, string) {
	p = strings.TrimPrefix(path.Clean("/"+p), "/")
	for _, g := range c.Paths.Exclude {
		if globMatch(g, p) {
			return false, "excluded by paths.exclude " + g
		}
	}
	if len(c.Paths.Include) > 0 {
		in := false
		for _, g := range c.Paths.Include {
			if globMatch(g, p) {
				in = true
				break
			}
		}
		if !in {
			return false, "not in paths.include"
		}
	}
	if !c.Paths.Tests && IsTestFile(p) {
		return false, "test code (set paths.tests: true to include)"
	}
	return true, ""
}

// RuleExcludes reports whether a rule's own exclude globs cover a path.
func (c *Config) RuleExcludes(ruleID, p string) bool {
	rc, ok := c.Rules[ruleID]
	if !ok {
		return false
	}
	p = strings.TrimPrefix(path.Clean("/"+p), "/")
	for _, g := range rc.Exclude {
		if globMatch(g, p) {
			return true
		}
	}
	return false
}

// globMatch matches a doublestar glob against a path; a glob without a
// slash also matches the base name anywhere ("*.gen.ts"), and a directory
// glob matches everything under it ("vendor" or "vendor/").
func globMatch(g, p string) bool {
	g = strings.TrimPrefix(g, "./")
	if ok, _ := doublestar.Match(g, p); ok {
		return true
	}
	if !strings.Contains(strings.TrimSuffix(g, "/"), "/") {
		if ok, _ := doublestar.Match(g, path.Base(p)); ok {
			return true
		}
	}
	dir := strings.TrimSuffix(g, "/")
	if ok, _ := doublestar.Match(dir+"/**", p); ok {
		return true
	}
	return false
}
