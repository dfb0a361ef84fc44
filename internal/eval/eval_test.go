package eval

import (
	"bytes"
	"context"
	"testing"
)

// TestCorpusMeetsTargets is the precision/recall gate: every rule must
// reach precision >= 0.95 and recall >= 0.90 on the labelled corpus, for
// TypeScript/JavaScript and for Go.
func TestCorpusMeetsTargets(t *testing.T) {
	rep, err := Run(context.Background(), "corpus")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := rep.Write(&buf, true); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + buf.String())
	if rep.Files < 150 {
		t.Errorf("corpus has %d files, want at least 150", rep.Files)
	}
	for _, f := range rep.Failures() {
		t.Errorf("below target: %s", f)
	}
	// Every positive label must be reachable: a corpus whose labels sit on
	// lines hotpath never analyses (excluded test code) measures nothing.
	for _, s := range rep.Result.Excluded {
		for _, l := range mustLabels(t) {
			if l.Path == s.Path {
				t.Errorf("%s:%d is labelled but the file is excluded (%s)", l.Path, l.Line, s.Reason)
			}
		}
	}
}

func mustLabels(t *testing.T) []Label {
	t.Helper()
	ls, err := Labels("corpus")
	if err != nil {
		t.Fatal(err)
	}
	return ls
}

func TestScoreArithmetic(t *testing.T) {
	s := Score{TP: 19, FP: 1, FN: 2}
	if p := s.Precision(); p != 0.95 {
		t.Errorf("precision = %v", p)
	}
	if r := s.Recall(); r < 0.904 || r > 0.905 {
		t.Errorf("recall = %v", r)
	}
	if (Score{}).Precision() != 1 || (Score{}).Recall() != 1 {
		t.Error("empty score should be perfect")
	}
}
