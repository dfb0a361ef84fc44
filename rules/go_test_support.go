package rules

import (
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// goTestSupportFile reports whether a Go file is test support code that is
// not named *_test.go: it imports `testing` or a test framework (testify,
// ginkgo, gomega), or its package is named for tests — `e2e…`/`…e2e`
// (an end-to-end suite's client), `…testutil(s)`, `…testhelper(s)`,
// `…testing`, `…testenv`, `test(s)`, `mock(s)`, `fake(s)`. What it does —
// a leaked resource (missing-release), a fixture seeded one key at a time
// (query-in-loop), a Redis key written without expiry into a test database
// (cache-without-ttl) — costs a test run, not a service.
func goTestSupportFile(p *Pass) bool {
	if p.File.Lang != parsers.Go {
		return false
	}
	for _, m := range p.Facts().Modules() {
		if m == "testing" || strings.HasPrefix(m, "github.com/stretchr/testify") ||
			strings.HasPrefix(m, "github.com/onsi/ginkgo") || strings.HasPrefix(m, "github.com/onsi/gomega") {
			return true
		}
	}
	name := ""
	root := p.File.Root()
	for c := root.FirstChild(); !c.IsNull(); c = c.NextSibling() {
		if c.Type() == "package_clause" {
			for _, id := range c.NamedChildren() {
				if id.Type() == "package_identifier" {
					name = id.Text()
				}
			}
			break
		}
	}
	name = strings.ToLower(name)
	switch name {
	case "", "main":
		return false
	case "test", "tests", "mock", "mocks", "fake", "fakes":
		return true
	}
	if strings.HasPrefix(name, "e2e") || strings.HasSuffix(name, "e2e") {
		return true
	}
	for _, s := range []string{"testutil", "testutils", "testhelper", "testhelpers", "testing", "testenv", "testsupport"} {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}
