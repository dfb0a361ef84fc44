package engine

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hotpath-app/hotpath/internal/config"
	"github.com/hotpath-app/hotpath/parsers"
	"github.com/hotpath-app/hotpath/rules"
)

// benchModules are real Go backend libraries already in the module cache
// (they are hotpath's own dependencies), used as the Go part of the corpus.
var benchModules = []string{
	"github.com/jackc/pgx/v5",
	"github.com/riverqueue/river",
	"github.com/labstack/echo/v4",
	"github.com/google/go-github/v60",
	"github.com/prometheus/client_golang",
	"github.com/goccy/go-yaml",
}

type benchFile struct {
	path string
	src  []byte
}

var (
	corpusOnce sync.Once
	corpusData []benchFile
	corpusErr  error
)

// benchCorpus loads the benchmark corpus once: Go from benchModules, the
// repository's own TypeScript/JavaScript (eval corpus, examples, testdata),
// and real-world JavaScript from $HOTPATH_BENCH_JS when set (see
// deploy/bench/fetch-js-corpus.sh). Files the parser would skip (generated,
// minified, too large) are left out so both benchmarks see the same input.
func benchCorpus(b *testing.B) []benchFile {
	corpusOnce.Do(func() {
		var dirs []string
		out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", strings.Join(benchModules, " ")).Output()
		if err != nil {
			args := append([]string{"list", "-m", "-f", "{{.Dir}}"}, benchModules...)
			out, err = exec.Command("go", args...).Output()
		}
		if err != nil {
			corpusErr = err
			return
		}
		dirs = append(dirs, strings.Fields(string(out))...)
		dirs = append(dirs, "../eval/corpus", "../../examples", "../../rules/testdata")
		if js := os.Getenv("HOTPATH_BENCH_JS"); js != "" {
			dirs = append(dirs, js)
		}
		for _, d := range dirs {
			filepath.WalkDir(d, func(p string, e os.DirEntry, err error) error {
				if err != nil || e.IsDir() || parsers.Detect(p) == parsers.Unknown || strings.HasSuffix(p, "_test.go") {
					return nil
				}
				src, err := os.ReadFile(p)
				if err != nil || parsers.Screen(p, src, parsers.Options{}) != nil {
					return nil
				}
				corpusData = append(corpusData, benchFile{p, src})
				return nil
			})
		}
	})
	if corpusErr != nil {
		b.Fatalf("loading corpus: %v", corpusErr)
	}
	return corpusData
}

func corpusLines(files []benchFile) (goLines, jsLines int) {
	for _, f := range files {
		n := strings.Count(string(f.src), "\n")
		if parsers.Detect(f.path) == parsers.Go {
			goLines += n
		} else {
			jsLines += n
		}
	}
	return
}

func parseAll(b *testing.B, p *parsers.Parser, files []benchFile, analyze bool, s *rules.Settings) {
	for _, f := range files {
		pf, err := p.Parse(context.Background(), f.path, f.src)
		if err != nil {
			continue
		}
		if analyze {
			if _, err := rules.Analyze(pf, s); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkRuleOverhead measures, on one core and in the same run,
// parse-only time and parse+all-rules time over the corpus, alternating
// the two so machine noise hits both alike. It reports throughput in
// lines/s for each and the rules' overhead as a percentage of parse-only
// time (target: at most 35%).
func BenchmarkRuleOverhead(b *testing.B) {
	files := benchCorpus(b)
	goLines, jsLines := corpusLines(files)
	lines := goLines + jsLines
	if lines < 100_000 {
		b.Fatalf("corpus has %d lines, want at least 100,000", lines)
	}
	settings := config.Default().Settings()
	p := parsers.NewParser(parsers.Options{})
	defer p.Close()
	var parseDur, fullDur time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		parseAll(b, p, files, false, settings)
		t1 := time.Now()
		parseAll(b, p, files, true, settings)
		t2 := time.Now()
		parseDur += t1.Sub(t0)
		fullDur += t2.Sub(t1)
	}
	b.StopTimer()
	n := float64(b.N)
	b.ReportMetric(float64(lines)*n/parseDur.Seconds(), "parse-lines/s")
	b.ReportMetric(float64(lines)*n/fullDur.Seconds(), "analyze-lines/s")
	b.ReportMetric(100*(fullDur.Seconds()-parseDur.Seconds())/parseDur.Seconds(), "rule-overhead-%")
	b.ReportMetric(float64(goLines), "go-lines")
	b.ReportMetric(float64(jsLines), "ts/js-lines")
}

// BenchmarkAnalyzeParallel runs the engine as `hotpath scan` does, with
// one worker per core, and reports throughput.
func BenchmarkAnalyzeParallel(b *testing.B) {
	files := benchCorpus(b)
	goLines, jsLines := corpusLines(files)
	in := make([]File, len(files))
	for i, f := range files {
		in[i] = Bytes(f.path, f.src)
	}
	cfg := config.Default()
	cfg.Paths.Tests = true // the module sources include testdata-like folders; analyse them all
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Analyze(context.Background(), in, Options{Config: cfg}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(goLines+jsLines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
	b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "workers")
}
