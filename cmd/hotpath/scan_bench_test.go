package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/hotpath-app/hotpath/parsers"
)

// BenchmarkScanTree builds the hotpath binary, generates a 5,000-file tree
// from the repository's own TypeScript, JavaScript and Go (the evaluation
// corpus, the example service and the rules' testdata, copied under new
// names), and runs `hotpath scan` on it in a child process. It reports the
// child's peak resident memory (target: under 300 MB) and the CPU time it
// used per second of wall time (2 on a machine whose two cores were both
// busy).
func BenchmarkScanTree(b *testing.B) {
	const files = 5000
	var sources [][]byte
	var exts []string
	for _, dir := range []string{"../../internal/eval/corpus", "../../examples", "../../rules/testdata"} {
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || parsers.Detect(p) == parsers.Unknown {
				return nil
			}
			if src, err := os.ReadFile(p); err == nil {
				sources = append(sources, src)
				exts = append(exts, filepath.Ext(p))
			}
			return nil
		})
	}
	if len(sources) == 0 {
		b.Fatal("no source files to build the tree from")
	}
	tmp := b.TempDir()
	tree := filepath.Join(tmp, "tree")
	lines := 0
	for i := 0; i < files; i++ {
		k := i % len(sources)
		p := filepath.Join(tree, fmt.Sprintf("pkg%03d", i/50), fmt.Sprintf("f%04d%s", i, exts[k]))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, sources[k], 0o644); err != nil {
			b.Fatal(err)
		}
		for _, c := range sources[k] {
			if c == '\n' {
				lines++
			}
		}
	}
	bin := filepath.Join(tmp, "hotpath")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	b.ResetTimer()
	var maxRSS int64
	var cpu, wall time.Duration
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(bin, "scan", "--format", "json", "-o", os.DevNull, "--fail-on", "never", tree)
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("scan: %v\n%s", err, out)
		}
		wall += time.Since(start)
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		if ru.Maxrss > maxRSS {
			maxRSS = ru.Maxrss // kilobytes on Linux
		}
		cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	b.ReportMetric(float64(maxRSS)/1024, "peak-RSS-MB")
	b.ReportMetric(cpu.Seconds()/wall.Seconds(), "cores-used")
	b.ReportMetric(float64(files), "files")
	b.ReportMetric(float64(lines)*float64(b.N)/wall.Seconds(), "lines/s")
}
