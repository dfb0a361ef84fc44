package main

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(cmd.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// TestScanDiffReportsOnlyChangedLines commits a file with one problem, then
// adds a second problem in a new commit: --diff over that commit reports
// only the new one, and untouched files are not analysed at all.
func TestScanDiffReportsOnlyChangedLines(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	write(t, dir, "src/a.ts", badSuppression+"export const y = 2;\n")
	write(t, dir, "src/untouched.ts", badSuppression)
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-qm", "base")
	write(t, dir, "src/a.ts", badSuppression+"export const y = 2;\n// hotpath-ignore cache-without-ttl\nexport const z = 3;\n")
	git(t, dir, "commit", "-qam", "change")

	code, out, errOut := runCmd(t, dir, "scan", "--format", "json", "--diff", "HEAD~1..HEAD", "src")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		Findings []struct {
			Path string `json:"path"`
			Line int    `json:"line"`
		} `json:"findings"`
		Files struct {
			Analyzed int `json:"analyzed"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Findings) != 1 || doc.Findings[0].Path != "src/a.ts" || doc.Findings[0].Line != 4 {
		t.Errorf("findings = %+v, want only src/a.ts:4", doc.Findings)
	}
	if doc.Files.Analyzed != 1 {
		t.Errorf("analysed %d files, want only the changed one", doc.Files.Analyzed)
	}
	code, _, errOut = runCmd(t, "", "scan", "--diff", "no-such-rev..HEAD", "src")
	if code != exitUsage || !strings.Contains(errOut, "--diff") {
		t.Errorf("bad range: exit %d %q", code, errOut)
	}
}
