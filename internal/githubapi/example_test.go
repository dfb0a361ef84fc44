package githubapi_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/hotpath-app/hotpath/internal/githubapi"
	"github.com/hotpath-app/hotpath/internal/githubapi/fakegithub"
	"github.com/hotpath-app/hotpath/internal/githubapi/ghroute"
)

// The review pipeline's read and write path against the fake GitHub.
func Example() {
	fg := fakegithub.New(nil)
	defer fg.Close()
	fg.AddRepo("acme", "api", 7)
	src := "for (const id of ids) {\n  await db.query(id);\n}\n"
	fg.AddPullRequest("acme", "api", fakegithub.PullRequest{Number: 1, HeadSHA: "abc123", Files: []fakegithub.File{
		{Path: "src/a.ts", Patch: fakegithub.AddedPatch(src), Content: []byte(src)},
	}})

	cs, err := githubapi.New(githubapi.Config{AppID: fg.AppID(), PrivateKeyPEM: fg.AppPrivateKeyPEM(), APIURL: fg.URL()})
	if err != nil {
		panic(err)
	}
	ctx := context.Background()
	c := cs.ForInstallation(7)

	pr, _ := c.GetPullRequest(ctx, "acme", "api", 1)
	files, _ := c.ListFiles(ctx, "acme", "api", 1)
	_, found, _ := c.GetFileAtRef(ctx, "acme", "api", ".github/hotpath.yml", pr.BaseRef)
	contents, _ := c.FetchContents(ctx, "acme", "api", pr.HeadSHA, []string{files.Files[0].Path})
	fmt.Println(pr.HeadSHA, len(files.Files), found, len(contents[0].Content))

	run, _ := c.CreateCheckRun(ctx, "acme", "api", githubapi.CheckRunInput{Name: "hotpath", HeadSHA: pr.HeadSHA, Status: "in_progress"})
	_, err = c.CreateReview(ctx, "acme", "api", 1, githubapi.ReviewInput{CommitID: pr.HeadSHA, Body: "hotpath", Comments: []githubapi.DraftComment{
		{Path: "src/a.ts", Line: 9, Body: "outside the diff"},
	}})
	var ue *githubapi.UnprocessableError
	fmt.Println(errors.As(err, &ue))
	_, err = c.CreateReview(ctx, "acme", "api", 1, githubapi.ReviewInput{CommitID: pr.HeadSHA, Body: "hotpath", Comments: []githubapi.DraftComment{
		{Path: "src/a.ts", Line: 2, Body: "N+1 query in a loop"},
	}})
	fmt.Println(err)
	_, _ = c.UpdateCheckRun(ctx, "acme", "api", run.ID, githubapi.CheckRunInput{Conclusion: "neutral",
		Output: &githubapi.CheckOutput{Title: "1 finding", Summary: "…"}})
	fmt.Println(fg.CheckRuns("acme", "api")[0].Conclusion, fg.Count(ghroute.AccessTokens))
	// Output:
	// abc123 1 false 48
	// true
	// <nil>
	// neutral 1
}
