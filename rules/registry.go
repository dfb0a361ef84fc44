package rules

import (
	"embed"
	"fmt"
	"regexp"
	"strings"
)

// All is the registry: every rule hotpath runs, in documentation order.
// Adding a rule means one line here plus its own file, docs page and
// testdata; TestRegistry fails when any of those is missing.
var All = []*Rule{
	QueryInLoop,
	MissingRelease,
	CacheWithoutTTL,
	SyncAPIInAsync,
}

// InvalidSuppression is the pseudo-rule under which malformed suppression
// comments are reported. It cannot itself be suppressed or configured.
const InvalidSuppression = "invalid-suppression"

//go:embed docs/*.md
var docsFS embed.FS

// doc returns the embedded documentation page of a rule.
func doc(id string) string {
	b, err := docsFS.ReadFile("docs/" + id + ".md")
	if err != nil {
		return ""
	}
	return string(b)
}

// ByID returns the rule with the given ID, or nil.
func ByID(id string) *Rule {
	for _, r := range All {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// IDs returns the IDs of all rules.
func IDs() []string {
	ids := make([]string, len(All))
	for i, r := range All {
		ids[i] = r.ID
	}
	return ids
}

var idRE = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// Validate checks a set of rules the way go/analysis.Validate checks
// analyzers: unique kebab-case IDs, a title and documentation, languages
// and a Check function.
func Validate(rs []*Rule) error {
	seen := map[string]bool{}
	for _, r := range rs {
		switch {
		case r == nil:
			return fmt.Errorf("nil rule in registry")
		case !idRE.MatchString(r.ID):
			return fmt.Errorf("rule ID %q is not kebab-case", r.ID)
		case seen[r.ID]:
			return fmt.Errorf("duplicate rule ID %q", r.ID)
		case r.ID == InvalidSuppression:
			return fmt.Errorf("rule ID %q is reserved", r.ID)
		case r.Title == "" || len(r.Title) > 60 || strings.HasSuffix(r.Title, ".") || strings.ToLower(r.Title[:1]) != r.Title[:1]:
			return fmt.Errorf("rule %s: title %q must be one lower-case line of at most 60 characters without a final period", r.ID, r.Title)
		case strings.TrimSpace(r.Doc) == "":
			return fmt.Errorf("rule %s: no documentation (rules/docs/%s.md)", r.ID, r.ID)
		case len(r.Languages) == 0:
			return fmt.Errorf("rule %s: no languages", r.ID)
		case r.Check == nil:
			return fmt.Errorf("rule %s: no Check function", r.ID)
		case r.Severity == Off:
			return fmt.Errorf("rule %s: default severity must not be off", r.ID)
		}
		seen[r.ID] = true
		for _, section := range []string{"## Why it matters", "## Bad", "## Good", "## How to fix", "## How to suppress"} {
			if !strings.Contains(r.Doc, section) {
				return fmt.Errorf("rule %s: documentation lacks a %q section", r.ID, section)
			}
		}
	}
	return nil
}
