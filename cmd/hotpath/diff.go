package main

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/sourcegraph/go-diff/diff"

	"github.com/hotpath-app/hotpath/internal/engine"
	"github.com/hotpath-app/hotpath/rules"
)

// changedLines holds, per file (relative to the repository root), the
// new-side lines a revision range adds or changes.
type changedLines struct {
	root  string
	lines map[string]map[int]bool
}

// gitChangedLines runs git diff over a revision range and collects the
// added lines of each file.
func gitChangedLines(ctx context.Context, rng string) (*changedLines, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	top, err := exec.CommandContext(ctx, "git", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		return nil, fmt.Errorf("not in a git repository: %w", err)
	}
	cmd := exec.CommandContext(ctx, "git", "diff", "--no-color", "--no-ext-diff", "--no-renames", "-U0", rng, "--")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git diff: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	fds, err := diff.ParseMultiFileDiff(out)
	if err != nil {
		return nil, fmt.Errorf("parsing git diff: %w", err)
	}
	c := &changedLines{root: strings.TrimSpace(string(top)), lines: map[string]map[int]bool{}}
	for _, fd := range fds {
		name := strings.TrimPrefix(fd.NewName, "b/")
		if fd.NewName == "/dev/null" {
			continue
		}
		set := map[int]bool{}
		for _, h := range fd.Hunks {
			line := int(h.NewStartLine)
			for _, l := range bytes.Split(h.Body, []byte("\n")) {
				if len(l) == 0 {
					continue
				}
				switch l[0] {
				case '+':
					set[line] = true
					line++
				case ' ':
					line++
				}
			}
		}
		c.lines[name] = set
	}
	return c, nil
}

// rel returns a scanned path relative to the repository root.
func (c *changedLines) rel(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	r, err := filepath.Rel(c.root, abs)
	if err != nil {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(r)
}

// keepFiles drops files the range does not touch.
func (c *changedLines) keepFiles(files []engine.File) []engine.File {
	out := files[:0]
	for _, f := range files {
		if _, ok := c.lines[c.rel(f.Path)]; ok {
			out = append(out, f)
		}
	}
	return out
}

// filter keeps findings that touch an added line (any line of the
// finding's range): the App's default comment scope.
func (c *changedLines) filter(fs []rules.Finding) []rules.Finding {
	out := fs[:0]
	for _, f := range fs {
		set := c.lines[c.rel(f.Path)]
		end := f.EndLine
		if end < f.Line {
			end = f.Line
		}
		for l := f.Line; l <= end; l++ {
			if set[l] {
				out = append(out, f)
				break
			}
		}
	}
	return out
}
