package githubapi

import (
	"testing"
)

// BenchmarkReadPath measures the read side of one review of a 300-file pull
// request (PR, file list, config at base, contents) against the fake and
// reports the GitHub requests it costs.
func BenchmarkReadPath(b *testing.B) {
	fg := newFake(b)
	files := manyFiles(300)
	addPR(fg, files...)
	fg.SetFile(owner, repo, "main", ".github/hotpath.yml", []byte("rules: {}\n"))
	c := newClients(b, fg).ForInstallation(inst)
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Path
	}
	if _, err := c.GetPullRequest(ctx, owner, repo, 1); err != nil { // mint the token outside the loop
		b.Fatal(err)
	}
	fg.ResetRequests()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pr, err := c.GetPullRequest(ctx, owner, repo, 1)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := c.ListFiles(ctx, owner, repo, 1); err != nil {
			b.Fatal(err)
		}
		if _, _, err := c.GetFileAtRef(ctx, owner, repo, ".github/hotpath.yml", pr.BaseRef); err != nil {
			b.Fatal(err)
		}
		if _, err := c.FetchContents(ctx, owner, repo, pr.HeadSHA, paths); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(fg.Total())/float64(b.N), "requests/op")
}
