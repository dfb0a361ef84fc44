package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hotpath-app/hotpath/parsers"
	"github.com/hotpath-app/hotpath/rules"
	"github.com/hotpath-app/hotpath/rules/ruletest"
)

// TestRules runs every rule over its testdata folder, checking the
// findings against the want comments in the files.
func TestRules(t *testing.T) {
	for _, r := range rules.All {
		t.Run(r.ID, func(t *testing.T) {
			t.Parallel()
			ruletest.Run(t, r, filepath.Join("testdata", r.ID))
		})
	}
}

// TestRegistry validates the registry and that each rule has testdata with
// bad and ok cases for every language family it declares, and that no
// testdata folder lacks a rule.
func TestRegistry(t *testing.T) {
	if err := rules.Validate(rules.All); err != nil {
		t.Fatal(err)
	}
	for _, r := range rules.All {
		files, err := ruletest.Files(filepath.Join("testdata", r.ID))
		if err != nil {
			t.Errorf("%s: %v", r.ID, err)
			continue
		}
		langs := map[parsers.Language]bool{}
		type famKind struct {
			js  bool
			bad bool
		}
		have := map[famKind]bool{}
		for _, f := range files {
			l := parsers.Detect(f)
			langs[l] = true
			base := filepath.Base(f)
			if strings.HasPrefix(base, "bad_") {
				have[famKind{l.IsJS(), true}] = true
			}
			if strings.HasPrefix(base, "ok_") {
				have[famKind{l.IsJS(), false}] = true
			}
		}
		for _, l := range r.Languages {
			if !langs[l] {
				t.Errorf("%s: no testdata in %s", r.ID, l)
			}
			if !have[famKind{l.IsJS(), true}] || !have[famKind{l.IsJS(), false}] {
				t.Errorf("%s: testdata for %s needs both bad_ and ok_ files", r.ID, l)
			}
		}
	}
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() && rules.ByID(e.Name()) == nil && !strings.HasPrefix(e.Name(), "_") {
			t.Errorf("testdata/%s has no registered rule", e.Name())
		}
	}
}
