package comments_test

import (
	"fmt"

	"github.com/hotpath-app/hotpath/comments"
	"github.com/hotpath-app/hotpath/rules"
)

func ExampleParsePatch() {
	// The "patch" of one file from GET /repos/{o}/{r}/pulls/{n}/files.
	patch := "@@ -1,4 +1,5 @@\n" +
		" package store\n" +
		" \n" +
		"-func load() {}\n" +
		"+func load(ctx context.Context) {\n" +
		"+}\n" +
		" \n"
	d, err := comments.ParsePatch(patch)
	if err != nil {
		panic(err)
	}
	for line := 1; line <= 6; line++ {
		fmt.Printf("line %d: commentable=%v added=%v\n", line, d.Commentable(line), d.IsAdded(line))
	}
	// Output:
	// line 1: commentable=true added=false
	// line 2: commentable=true added=false
	// line 3: commentable=true added=true
	// line 4: commentable=true added=true
	// line 5: commentable=true added=false
	// line 6: commentable=false added=false
}

func ExampleFilter() {
	d, _ := comments.ParsePatch("@@ -10,2 +10,3 @@\n a\n+b\n c\n")
	diffs := map[string]*comments.FileDiff{"api/users.go": d, "assets/blob.go": nil}
	findings := []rules.Finding{
		{Rule: "query-in-loop", Path: "api/users.go", Line: 11, Fingerprint: "f1"},  // added line
		{Rule: "query-in-loop", Path: "api/users.go", Line: 12, Fingerprint: "f2"},  // context line
		{Rule: "query-in-loop", Path: "api/users.go", Line: 40, Fingerprint: "f3"},  // untouched
		{Rule: "query-in-loop", Path: "assets/blob.go", Line: 1, Fingerprint: "f4"}, // no patch
	}
	res := comments.Filter(findings, diffs, comments.ScopeAdded)
	for _, a := range res.Inline {
		fmt.Println("inline:", a.Finding.Fingerprint, "at line", a.Line)
	}
	for _, u := range res.NotCommentable {
		fmt.Println("summary only:", u.Finding.Fingerprint, u.Reason)
	}
	for _, f := range res.OutOfScope {
		fmt.Println("out of scope:", f.Fingerprint)
	}
	// Output:
	// inline: f1 at line 11
	// summary only: f4 no-patch
	// out of scope: f2
	// out of scope: f3
}

func ExampleParseMarker() {
	body := comments.Marker("9f86d081884c7d65", "query-in-loop") + "\n**hotpath: …**"
	fp, rule, ok := comments.ParseMarker(body)
	fmt.Println(fp, rule, ok)
	// Output: 9f86d081884c7d65 query-in-loop true
}
