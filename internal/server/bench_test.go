package server

// Benchmarks of the App against the fake GitHub with 50 ms of latency on
// every request: time from webhook to review posted (and to check run
// completed), GitHub requests per review, and memory allocated per job.
//
//	go test -run '^$' -bench BenchmarkWebhookToReview -benchtime 10x ./internal/server
//
// hotpath runs as a separate process (the built binary), so the memory
// figure (from its go_memstats_alloc_bytes_total) is hotpath's alone, not
// the fake's.

import (
	"bufio"
	"fmt"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hotpath-app/hotpath/internal/githubapi/fakegithub"
	"github.com/hotpath-app/hotpath/internal/githubapi/ghroute"
)

// cleanModule returns an ordinary file with no finding (about 30 lines).
func cleanModule(i int) fakegithub.File {
	if i%2 == 0 {
		src := fmt.Sprintf(`package handlers%d

import (
	"encoding/json"
	"net/http"
	"strconv"
)

type Item%d struct {
	ID    int64  `+"`json:\"id\"`"+`
	Name  string `+"`json:\"name\"`"+`
	Price int64  `+"`json:\"price\"`"+`
}

// Total%d sums the prices of the items in the request body.
func Total%d(w http.ResponseWriter, r *http.Request) {
	var items []Item%d
	if err := json.NewDecoder(r.Body).Decode(&items); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var total int64
	for _, it := range items {
		total += it.Price
	}
	w.Header().Set("X-Count", strconv.Itoa(len(items)))
	_ = json.NewEncoder(w).Encode(map[string]int64{"total": total})
}
`, i, i, i, i, i)
		return file(fmt.Sprintf("internal/handlers%d/total.go", i), src)
	}
	src := fmt.Sprintf(`import { Request, Response } from "express";

export interface LineItem%d {
  sku: string;
  quantity: number;
  unitPrice: number;
}

export function subtotal%d(items: LineItem%d[]): number {
  let sum = 0;
  for (const item of items) {
    sum += item.quantity * item.unitPrice;
  }
  return Math.round(sum * 100) / 100;
}

export function formatPrice%d(cents: number, currency = "EUR"): string {
  return new Intl.NumberFormat("en-GB", { style: "currency", currency }).format(cents / 100);
}

export async function handler%d(req: Request, res: Response) {
  const items = (req.body?.items ?? []) as LineItem%d[];
  const total = subtotal%d(items);
  res.json({ total, formatted: formatPrice%d(total) });
}
`, i, i, i, i, i, i, i, i)
	return file(fmt.Sprintf("src/cart/module%d.ts", i), src)
}

// benchFiles returns n changed files, every tenth with a finding.
func benchFiles(n int) []fakegithub.File {
	out := make([]fakegithub.File, 0, n)
	for i := range n {
		switch {
		case i%30 == 0:
			out = append(out, file(fmt.Sprintf("src/orders/orders%d.ts", i), ordersTS))
		case i%30 == 10:
			out = append(out, file(fmt.Sprintf("internal/users%d/users.go", i), usersGo))
		case i%30 == 20:
			out = append(out, file(fmt.Sprintf("src/reports/report%d.ts", i), reportTS))
		default:
			out = append(out, cleanModule(i))
		}
	}
	return out
}

// budgetRefill is the time the write budget needs to refill three writes.
const budgetRefill = 2500 * time.Millisecond

func BenchmarkWebhookToReview(b *testing.B) {
	for _, n := range []int{20, 300} {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) { benchWebhookToReview(b, n) })
	}
}

func benchWebhookToReview(b *testing.B, nFiles int) {
	fg := fakegithub.New(b)
	repo := testRepo
	base := sha("bench-base")
	fg.AddRepo(repo.Owner, repo.Name, repo.InstallationID)
	files := benchFiles(nFiles)
	p := startProc(b, "serve", appEnv(fg, filepath.Join(b.TempDir(), "hotpath.db"), "HOTPATH_WORKERS=4", "HOTPATH_LOG_LEVEL=info"), "serve")
	fg.SetLatency(50 * time.Millisecond)

	// One review in the same way: p is a client whose webhook starts a
	// review; wait until the review is posted and the check completed.
	number := 0
	review := func() (toReview, toCheck time.Duration, requests int) {
		number++
		head := sha(fmt.Sprintf("bench-%d-%d", nFiles, number))
		fg.AddPullRequest(repo.Owner, repo.Name, fakegithub.PullRequest{Number: number, HeadSHA: head, BaseSHA: base, Files: files})
		before := fg.Total()
		t0 := time.Now()
		code, body := post(b, p.url(), delivery{Event: "pull_request", Body: pullRequestEvent(repo, "opened", number, head, base, nil)})
		if code != http.StatusAccepted {
			b.Fatalf("webhook: %d %s", code, body)
		}
		for len(fg.Reviews(repo.Owner, repo.Name, number)) == 0 {
			if time.Since(t0) > time.Minute {
				b.Fatalf("no review after a minute:\n%s", p.log())
			}
			time.Sleep(time.Millisecond)
		}
		toReview = time.Since(t0)
		for {
			runs := fg.CheckRuns(repo.Owner, repo.Name)
			if cr := runs[len(runs)-1]; cr.HeadSHA == head && cr.Status == "completed" {
				break
			}
			if time.Since(t0) > time.Minute {
				b.Fatalf("check run not completed after a minute")
			}
			time.Sleep(time.Millisecond)
		}
		toCheck = time.Since(t0)
		// Requests still in flight when the check completed are counted
		// by the next round; the check completion is the job's last one.
		return toReview, toCheck, fg.Total() - before
	}

	// Warm up: the installation token and GET /app (bot login) are
	// fetched once per process, not per review.
	review()
	time.Sleep(budgetRefill)
	fg.ResetRequests()
	alloc0 := allocBytes(b, p.url())

	var sumReview, sumCheck time.Duration
	requests := 0
	b.ResetTimer()
	for i := range b.N {
		if i > 0 {
			// Let the installation's write budget (80 a minute, bursts
			// of 5) refill: each review writes three times, and this
			// measures one review, not a sustained stream.
			b.StopTimer()
			time.Sleep(budgetRefill)
			b.StartTimer()
		}
		r, c, n := review()
		sumReview += r
		sumCheck += c
		requests += n
	}
	b.StopTimer()
	alloc1 := allocBytes(b, p.url())

	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(b.N) }
	b.ReportMetric(ms(sumReview), "ms-to-review")
	b.ReportMetric(ms(sumCheck), "ms-to-check")
	b.ReportMetric(float64(requests)/float64(b.N), "gh-requests/op")
	b.ReportMetric(float64(alloc1-alloc0)/float64(b.N), "alloc-B/job")
	counts := fg.Counts()
	var routes []string
	for route, c := range counts {
		routes = append(routes, fmt.Sprintf("%s=%.1f", route, float64(c)/float64(b.N)))
	}
	b.Logf("%d files: requests per review by route: %s", nFiles, strings.Join(routes, ", "))
	if n := counts[ghroute.AccessTokens]; n != 0 {
		b.Logf("installation tokens minted during the run: %d", n)
	}
}

// allocBytes reads go_memstats_alloc_bytes_total from a process's /metrics.
func allocBytes(b *testing.B, baseURL string) float64 {
	b.Helper()
	resp, err := http.Get(baseURL + PathMetrics)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "go_memstats_alloc_bytes_total "); ok {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil {
				b.Fatal(err)
			}
			return f
		}
	}
	b.Fatal("go_memstats_alloc_bytes_total not in /metrics")
	return 0
}
