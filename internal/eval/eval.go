// Package eval measures the rules' precision and recall on a labelled
// corpus of realistic code (internal/eval/corpus), kept apart from the unit
// testdata so the rules are not judged on the cases they were written
// against.
//
// A label is an end-of-line comment `// expect: <rule-id>[, <rule-id>]` on
// the line where a finding must start. Every other line must stay quiet.
package eval

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/hotpath-app/hotpath/internal/config"
	"github.com/hotpath-app/hotpath/internal/engine"
	"github.com/hotpath-app/hotpath/parsers"
	"github.com/hotpath-app/hotpath/rules"
)

// Family groups languages the way the targets are set: TypeScript and
// JavaScript together, Go apart.
func Family(path string) string {
	if parsers.Detect(path) == parsers.Go {
		return "go"
	}
	return "ts/js"
}

// Label is one expected finding.
type Label struct {
	Rule string
	Path string
	Line int
}

var labelRE = regexp.MustCompile(`//\s*expect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*$`)

// Labels reads the labels of every analysable file under dir.
func Labels(dir string) ([]Label, error) {
	var out []Label
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || parsers.Detect(p) == parsers.Unknown {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(src), "\n") {
			m := labelRE.FindStringSubmatch(strings.TrimRight(line, "\r"))
			if m == nil {
				continue
			}
			for _, id := range strings.Split(m[1], ",") {
				id = strings.TrimSpace(id)
				if rules.ByID(id) == nil {
					return fmt.Errorf("%s:%d: label names unknown rule %q", p, i+1, id)
				}
				out = append(out, Label{Rule: id, Path: filepath.ToSlash(p), Line: i + 1})
			}
		}
		return nil
	})
	return out, err
}

// Score counts outcomes for one rule and family.
type Score struct {
	TP, FP, FN int
}

// Precision is TP/(TP+FP), 1 when nothing was reported.
func (s Score) Precision() float64 {
	if s.TP+s.FP == 0 {
		return 1
	}
	return float64(s.TP) / float64(s.TP+s.FP)
}

// Recall is TP/(TP+FN), 1 when nothing was expected.
func (s Score) Recall() float64 {
	if s.TP+s.FN == 0 {
		return 1
	}
	return float64(s.TP) / float64(s.TP+s.FN)
}

// Key names a rule and a language family.
type Key struct{ Rule, Family string }

// Report is the outcome of an evaluation.
type Report struct {
	Scores map[Key]*Score
	// Misses and FalsePositives list the disagreements, for debugging.
	Misses         []Label
	FalsePositives []rules.Finding
	Files          int
	CleanFiles     int
	Result         *engine.Result
}

// Run analyses dir with the default configuration and compares the
// findings with the labels.
func Run(ctx context.Context, dir string) (*Report, error) {
	labels, err := Labels(dir)
	if err != nil {
		return nil, err
	}
	files, err := engine.Walk([]string{dir}, dir)
	if err != nil {
		return nil, err
	}
	res, err := engine.Analyze(ctx, files, engine.Options{Config: config.Default()})
	if err != nil {
		return nil, err
	}
	rep := &Report{Scores: map[Key]*Score{}, Result: res, Files: len(files)}
	for _, r := range rules.All {
		for _, fam := range []string{"ts/js", "go"} {
			rep.Scores[Key{r.ID, fam}] = &Score{}
		}
	}
	type pos struct {
		rule, path string
		line       int
	}
	expected := map[pos]bool{}
	labelled := map[string]bool{}
	for _, l := range labels {
		expected[pos{l.Rule, l.Path, l.Line}] = true
		labelled[l.Path] = true
	}
	for _, f := range files {
		if !labelled[f.Path] {
			rep.CleanFiles++
		}
	}
	found := map[pos]bool{}
	for _, f := range res.Findings {
		if f.Rule == rules.InvalidSuppression {
			continue
		}
		p := pos{f.Rule, f.Path, f.Line}
		if found[p] {
			continue
		}
		found[p] = true
		s := rep.Scores[Key{f.Rule, Family(f.Path)}]
		if expected[p] {
			s.TP++
		} else {
			s.FP++
			rep.FalsePositives = append(rep.FalsePositives, f)
		}
	}
	for _, l := range labels {
		if !found[pos{l.Rule, l.Path, l.Line}] {
			rep.Scores[Key{l.Rule, Family(l.Path)}].FN++
			rep.Misses = append(rep.Misses, l)
		}
	}
	sort.Slice(rep.Misses, func(i, j int) bool {
		if rep.Misses[i].Path != rep.Misses[j].Path {
			return rep.Misses[i].Path < rep.Misses[j].Path
		}
		return rep.Misses[i].Line < rep.Misses[j].Line
	})
	return rep, nil
}

// Targets are the bars every rule and family must clear.
const (
	TargetPrecision = 0.95
	TargetRecall    = 0.90
)

// Write prints the table of scores, and with verbose the disagreements.
func (r *Report) Write(w io.Writer, verbose bool) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "RULE\tLANGUAGES\tTP\tFP\tFN\tPRECISION\tRECALL\n")
	for _, rl := range rules.All {
		for _, fam := range []string{"ts/js", "go"} {
			s := r.Scores[Key{rl.ID, fam}]
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%.3f\t%.3f\n", rl.ID, fam, s.TP, s.FP, s.FN, s.Precision(), s.Recall())
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%d files (%d without labels), %d analysed, %d excluded by config, %d skipped; targets: precision >= %.2f, recall >= %.2f\n",
		r.Files, r.CleanFiles, r.Result.Analyzed, len(r.Result.Excluded), len(r.Result.Skipped), TargetPrecision, TargetRecall)
	if verbose {
		for _, m := range r.Misses {
			fmt.Fprintf(w, "miss  %s:%d: %s\n", m.Path, m.Line, m.Rule)
		}
		for _, f := range r.FalsePositives {
			fmt.Fprintf(w, "false %s:%d: %s: %s\n", f.Path, f.Line, f.Rule, f.Message)
		}
		for _, s := range r.Result.Skipped {
			fmt.Fprintf(w, "skip  %s: %s %s\n", s.Path, s.Reason, s.Detail)
		}
	}
	return nil
}

// Failures lists the rule/family pairs below target.
func (r *Report) Failures() []string {
	var out []string
	for _, rl := range rules.All {
		for _, fam := range []string{"ts/js", "go"} {
			s := r.Scores[Key{rl.ID, fam}]
			if s.Precision() < TargetPrecision || s.Recall() < TargetRecall {
				out = append(out, fmt.Sprintf("%s (%s): precision %.3f, recall %.3f", rl.ID, fam, s.Precision(), s.Recall()))
			}
		}
	}
	return out
}
