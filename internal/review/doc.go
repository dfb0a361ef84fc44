// Package review is hotpath's review pipeline for one pull request head:
// the queue's Reviewer and Sweeper.
//
// A review runs in one direction: check run → fetch → analyse → filter →
// plan → publish → complete.
//
//  1. The `hotpath` check run is created in_progress on the head SHA
//     (external_id = the pull request number), or reused when a retried
//     attempt finds it in the CheckRunStore (or, after a crash between
//     creating and recording it, through the check runs of the commit). In
//     the same round trip the pull request, its changed files,
//     .github/hotpath.yml at the BASE commit and the App's own review
//     comments are read concurrently.
//  2. A closed pull request completes the check `skipped`; a head that moved
//     completes it `cancelled` ("superseded by <sha>"); a broken config
//     completes it `failure`, quoting the error and its line, with no review
//     (neutral instead when the pull request itself edits the config file,
//     so the fix can merge).
//  3. The analysable changed files (language by extension, not removed, not
//     pure renames, selected by the config's paths) are fetched at the head
//     SHA through the base repository (fork pull requests work), in GraphQL
//     batches fetched concurrently, and analysed in parallel by the engine.
//     When GitHub resolves none of a fork's files by the head SHA (it may
//     not reach a fork's commit by SHA in the base repository), the batches
//     are read once more through refs/pull/N/head, each query checking that
//     the ref still points at the head SHA; a ref that moved is handled
//     like a moved head (step 5 below: the pull request is read again).
//  4. Findings are mapped to the diff hunks of each file's patch
//     (comments.Filter with the config's scope) and planned against the
//     App's existing comments by fingerprint (comments.PlanComments), so a
//     finding is never commented twice, even after it moved to another line.
//  5. Right before writing, the pull request is read again: if its head
//     moved, nothing is written for the old SHA and its check is
//     `cancelled`. A review whose body carries the head's review marker
//     means an earlier attempt already posted: nothing is posted again.
//  6. One review (event COMMENT, commit_id = head SHA) carries at most
//     comments.max_comments inline comments; the rest are listed in its
//     body. When GitHub rejects the review with 422, the comments are
//     posted again without suspect anchors (at most four extra requests,
//     ending with a review without inline comments); rejected findings move
//     to the body, never dropped.
//  7. Outdated own comments (finding gone from an analysed file) are deleted
//     when nobody replied, otherwise minimised as OUTDATED; never deleted
//     when a human replied.
//  8. The check run is completed with the conclusion from fail_on over the
//     findings on changed lines (neutral when the analysis was partial), a
//     summary naming the config source, and one annotation per finding in
//     scope (batched 50 per request by githubapi).
//
// Merge-group jobs never analyse: they complete a `success` check on the
// merge group's head SHA in one request ("reviewed on the pull requests"),
// so a merge queue never waits on hotpath. Pull requests could only enter
// the queue after passing the hotpath check on their own head.
//
// Errors: rate limits come back as *RateLimitedError (a RetryAfter method:
// the queue snoozes the job); 404s and other 4xx errors as queue.Permanent
// after completing the check run `failure` with the explanation; 5xx,
// timeouts and connection errors as they are (retried with backoff; the
// check run stays in_progress and the next attempt reuses it). GiveUp
// completes the run `failure` after the last attempt, and Sweep completes
// runs left in_progress longer than StaleAfter as `timed_out`.
package review
