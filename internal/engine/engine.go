// Package engine runs the rules over many files in parallel: the analysis
// both `hotpath scan` and the GitHub App's review pipeline use.
//
// Files are given as paths with a loader, so a directory walk can feed
// thousands of files without holding their contents in memory: each worker
// loads, parses, analyses and drops one file at a time. Results are sorted,
// so output does not depend on scheduling.
package engine

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"sync"

	"github.com/hotpath-app/hotpath/internal/config"
	"github.com/hotpath-app/hotpath/parsers"
	"github.com/hotpath-app/hotpath/rules"
)

// A File is one input: a path and a way to read it.
type File struct {
	// Path is reported in findings as is.
	Path string
	// ConfigPath is the slash path matched against the config's globs
	// (relative to the repository root). Empty means Path.
	ConfigPath string
	// Load returns the contents. It is called once, by a worker.
	Load func() ([]byte, error)
}

// Bytes makes a File from contents already in memory.
func Bytes(path string, src []byte) File {
	return File{Path: path, Load: func() ([]byte, error) { return src, nil }}
}

// Skipped is a file that was not analysed, with the reason.
type Skipped struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
	Detail string `json:"detail,omitempty"`
}

// Result is the outcome of a run.
type Result struct {
	// Findings, sorted by path and position.
	Findings []rules.Finding
	// Suppressed findings, silenced by hotpath-ignore comments.
	Suppressed []rules.Finding
	// Analyzed counts files parsed and checked; Lines their lines.
	Analyzed int
	Lines    int
	// SyntaxErrorFiles names the files that parsed with errors (still
	// analysed), sorted. A finding may be missing from such a file only
	// because the parser could not read the code around it, so callers
	// must not treat its absence there as a fix.
	SyntaxErrorFiles []string
	// Skipped lists files not analysed: too large, generated, minified,
	// unreadable, parse timeouts, rule failures.
	Skipped []Skipped
	// Excluded lists files the config's path filters left out (test code,
	// paths.exclude, paths.include).
	Excluded []Skipped
}

// Partial reports whether some analysable files could not be analysed,
// so a clean result may hide findings.
func (r *Result) Partial() bool {
	for _, s := range r.Skipped {
		switch parsers.SkipReason(s.Reason) {
		case parsers.SkipTooLarge, parsers.SkipTimeout, parsers.SkipParseFailed, SkipReadError, SkipRuleError:
			return true
		}
	}
	return false
}

// Reasons specific to the engine (parsers.SkipReason covers the rest).
const (
	SkipReadError parsers.SkipReason = "read-error"
	SkipRuleError parsers.SkipReason = "rule-error"
)

// Options configure a run.
type Options struct {
	// Config selects files and rules; nil means config.Default().
	Config *config.Config
	// Workers is the number of files analysed at once; zero means
	// GOMAXPROCS.
	Workers int
	// Parse bounds per-file work; the config's limits.max_file_bytes
	// applies when Parse.MaxFileBytes is zero.
	Parse parsers.Options
}

// Analyze runs the rules over files. Only a cancelled ctx stops it early
// (with ctx.Err()); problems with single files are recorded in the result.
func Analyze(ctx context.Context, files []File, opts Options) (*Result, error) {
	cfg := opts.Config
	if cfg == nil {
		cfg = config.Default()
	}
	popts := opts.Parse
	if popts.MaxFileBytes == 0 && cfg.Limits.MaxFileBytes > 0 {
		popts.MaxFileBytes = cfg.Limits.MaxFileBytes
	}
	settings := cfg.Settings()
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}

	res := &Result{}
	var todo []File
	for _, f := range files {
		cp := f.ConfigPath
		if cp == "" {
			cp = f.Path
		}
		if parsers.Detect(f.Path) == parsers.Unknown {
			continue
		}
		if ok, why := cfg.Selects(cp); !ok {
			res.Excluded = append(res.Excluded, Skipped{Path: f.Path, Reason: why})
			continue
		}
		todo = append(todo, f)
	}
	if workers > len(todo) {
		workers = len(todo)
	}

	jobs := make(chan File)
	outs := make(chan outcome, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := parsers.NewParser(popts)
			defer p.Close()
			for f := range jobs {
				outs <- analyzeOne(ctx, p, f, settings, cfg)
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, f := range todo {
			select {
			case jobs <- f:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(outs)
	}()
	for o := range outs {
		if o.skip != nil {
			res.Skipped = append(res.Skipped, *o.skip)
		}
		if o.analyzed {
			res.Analyzed++
			res.Lines += o.lines
			if o.synErr {
				res.SyntaxErrorFiles = append(res.SyntaxErrorFiles, o.path)
			}
			res.Findings = append(res.Findings, o.result.Findings...)
			res.Suppressed = append(res.Suppressed, o.result.Suppressed...)
		}
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	rules.SortFindings(res.Findings)
	rules.SortFindings(res.Suppressed)
	sortSkipped(res.Skipped)
	sortSkipped(res.Excluded)
	sort.Strings(res.SyntaxErrorFiles)
	return res, nil
}

// outcome is what a worker learned about one file.
type outcome struct {
	path     string
	result   rules.FileResult
	lines    int
	synErr   bool
	skip     *Skipped
	analyzed bool
}

func analyzeOne(ctx context.Context, p *parsers.Parser, f File, settings *rules.Settings, cfg *config.Config) (o outcome) {
	o.path = f.Path
	if ctx.Err() != nil {
		return o
	}
	src, err := f.Load()
	if err != nil {
		o.skip = &Skipped{Path: f.Path, Reason: string(SkipReadError), Detail: err.Error()}
		return o
	}
	pf, err := p.Parse(ctx, f.Path, src)
	if err != nil {
		if s, ok := parsers.AsSkip(err); ok {
			o.skip = &Skipped{Path: f.Path, Reason: string(s.Reason), Detail: s.Detail}
		} else if !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
			o.skip = &Skipped{Path: f.Path, Reason: string(parsers.SkipParseFailed), Detail: err.Error()}
		}
		return o
	}
	res, err := rules.Analyze(pf, settings)
	if err != nil {
		// A rule failed on this file; the other rules' findings stand.
		o.skip = &Skipped{Path: f.Path, Reason: string(SkipRuleError), Detail: err.Error()}
	}
	cp := f.ConfigPath
	if cp == "" {
		cp = f.Path
	}
	res.Findings = dropExcluded(res.Findings, cfg, cp)
	res.Suppressed = dropExcluded(res.Suppressed, cfg, cp)
	o.result, o.lines, o.synErr, o.analyzed = res, pf.LineCount(), pf.SyntaxErrors > 0, true
	return o
}

func dropExcluded(fs []rules.Finding, cfg *config.Config, configPath string) []rules.Finding {
	out := fs[:0]
	for _, f := range fs {
		if !cfg.RuleExcludes(f.Rule, configPath) {
			out = append(out, f)
		}
	}
	return out
}

func sortSkipped(s []Skipped) {
	sort.Slice(s, func(i, j int) bool { return s[i].Path < s[j].Path })
}

// Counts summarises findings by rule and severity.
func Counts(fs []rules.Finding) (byRule map[string]int, bySeverity map[string]int) {
	byRule, bySeverity = map[string]int{}, map[string]int{}
	for _, f := range fs {
		byRule[f.Rule]++
		bySeverity[f.Severity.String()]++
	}
	return byRule, bySeverity
}

// String describes a result in one line.
func (r *Result) String() string {
	return fmt.Sprintf("%d findings in %d files (%d lines); %d skipped, %d excluded, %d suppressed",
		len(r.Findings), r.Analyzed, r.Lines, len(r.Skipped), len(r.Excluded), len(r.Suppressed))
}
