// Package comments turns findings into what the GitHub App posts: inline
// review comments, the review's top-level body, and the check run's
// conclusion, summary and annotations.
//
// It is pure logic and does no network I/O: the review pipeline fetches
// pull request data, maps go-github types to the small structs declared
// here (FileDiff from ParsePatch, Existing), and posts what this package
// returns. Nothing here knows about HTTP, tokens or rate limits.
//
// The steps, in the order the pipeline calls them:
//
//   - ParsePatch turns a file's GitHub "patch" text into hunks with
//     RIGHT-side (head) line numbers.
//   - Filter classifies findings by Scope (added, diff or file lines) into
//     inline-commentable ones with a safe anchor, in-scope ones that can
//     only be summarised, and out-of-scope ones.
//   - PlanComments compares the commentable findings with the App's own
//     existing comments by fingerprint (hidden Marker), so nothing is posted
//     twice, and decides what to post, what is already there and which old
//     comments to delete or minimise. It caps the number of new comments;
//     the rest go to the review body, never silently dropped.
//   - RenderComment writes one comment's markdown, with a GitHub suggestion
//     block only when the fix is verified to re-parse.
//   - ReviewBody, Conclusion, Title, Summary, Annotations and Batches
//     produce the review body and the check run output within GitHub's size
//     limits.
//
// Sizes are measured in bytes of UTF-8, which never undercounts the
// characters GitHub counts, and text is always cut on a rune boundary.
//
// Every function is safe for concurrent use, except that a *parsers.Parser
// passed in RenderOptions must not be shared between goroutines.
package comments
