package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/hotpath-app/hotpath/internal/config"
	"github.com/hotpath-app/hotpath/internal/engine"
	"github.com/hotpath-app/hotpath/internal/report"
)

const scanUsage = `usage: hotpath scan [flags] [paths...]

Analyses TypeScript, JavaScript and Go files under the given paths (default
.) and reports hidden performance problems. Exit status: 0 when nothing is at
or above fail_on, 1 when something is, 2 for usage or config errors.

Flags:
`

func cmdScan(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("scan", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() { fmt.Fprint(stderr, scanUsage); fl.PrintDefaults() }
	format := fl.String("format", "text", "output format: "+strings.Join(report.Formats, ", "))
	configPath := fl.String("config", "", "config file (default: .github/hotpath.yml in this directory or a parent)")
	diffRange := fl.String("diff", "", "report only findings on lines changed in this git revision range (e.g. origin/main...HEAD)")
	failOn := fl.String("fail-on", "", "override fail_on: error, warning, notice or never")
	jobs := fl.Int("jobs", 0, "files analysed in parallel (default: number of CPUs)")
	tests := fl.Bool("tests", false, "also analyse test code")
	out := fl.String("o", "", "write the report to this file instead of stdout")
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if !validFormat(*format) {
		fmt.Fprintf(stderr, "hotpath scan: unknown format %q (want %s)\n", *format, strings.Join(report.Formats, ", "))
		return exitUsage
	}
	cfg, base, source, err := loadConfig(*configPath)
	if err != nil {
		fmt.Fprintf(stderr, "hotpath scan: %s: %v\n", source, err)
		return exitUsage
	}
	if *failOn != "" {
		f, err := config.ParseFailOn(*failOn)
		if err != nil {
			fmt.Fprintf(stderr, "hotpath scan: --fail-on: %v\n", err)
			return exitUsage
		}
		cfg.FailOn = f
	}
	if *tests {
		cfg.Paths.Tests = true
	}
	roots := fl.Args()
	if len(roots) == 0 {
		roots = []string{"."}
	}
	files, err := engine.Walk(roots, base)
	if err != nil {
		fmt.Fprintf(stderr, "hotpath scan: %v\n", err)
		return exitUsage
	}
	var changed *changedLines
	if *diffRange != "" {
		changed, err = gitChangedLines(ctx, *diffRange)
		if err != nil {
			fmt.Fprintf(stderr, "hotpath scan: --diff %s: %v\n", *diffRange, err)
			return exitUsage
		}
		files = changed.keepFiles(files)
	}
	res, err := engine.Analyze(ctx, files, engine.Options{Config: cfg, Workers: *jobs})
	if err != nil {
		fmt.Fprintf(stderr, "hotpath scan: %v\n", err)
		return exitUsage
	}
	if changed != nil {
		res.Findings = changed.filter(res.Findings)
		res.Suppressed = changed.filter(res.Suppressed)
	}

	w := stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintf(stderr, "hotpath scan: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		w = f
	}
	if err := report.Write(w, *format, res); err != nil {
		fmt.Fprintf(stderr, "hotpath scan: writing report: %v\n", err)
		return exitUsage
	}
	for _, f := range res.Findings {
		if cfg.FailOn.Fails(f.Severity) {
			return exitFindings
		}
	}
	return exitOK
}

func validFormat(f string) bool {
	for _, x := range report.Formats {
		if f == x {
			return true
		}
	}
	return false
}

// loadConfig reads the config file named by flag, or looks for
// .github/hotpath.yml in the working directory and its parents (stopping at
// a repository root). It returns the config, the directory its globs are
// relative to, and a description of where it came from.
func loadConfig(flagPath string) (*config.Config, string, string, error) {
	if flagPath != "" {
		data, err := os.ReadFile(flagPath)
		if err != nil {
			return nil, "", flagPath, err
		}
		cfg, err := config.Parse(data)
		base := filepath.Dir(filepath.Dir(flagPath))
		if filepath.Base(filepath.Dir(flagPath)) != ".github" {
			base = filepath.Dir(flagPath)
		}
		return cfg, base, flagPath, err
	}
	dir, err := os.Getwd()
	if err != nil {
		return nil, "", "config", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		p := filepath.Join(d, filepath.FromSlash(config.DefaultPath))
		if data, err := os.ReadFile(p); err == nil {
			cfg, err := config.Parse(data)
			return cfg, d, p, err
		}
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil || filepath.Dir(d) == d {
			break
		}
	}
	return config.Default(), dir, "defaults", nil
}
