package review

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hotpath-app/hotpath/internal/config"
	"github.com/hotpath-app/hotpath/internal/githubapi"
	"github.com/hotpath-app/hotpath/internal/queue"
)

// completeTimeout bounds completing a check run after the job's own context
// ended (failure explanations).
const completeTimeout = 30 * time.Second

// ensureCheckRun finds the job's check run (Store, then — on a retried
// attempt — the commit's check runs) or creates it in_progress.
func (p *pass) ensureCheckRun(ctx context.Context) error {
	r, job := p.r, p.job
	now := r.now()
	rec, ok, err := r.store.Get(ctx, p.key)
	if err != nil {
		return fmt.Errorf("check run store: %w", err)
	}
	switch {
	case ok && !rec.Completed && !rec.Completing:
		rec.UpdatedAt = now
		if err := r.store.Put(ctx, rec); err != nil {
			return fmt.Errorf("check run store: %w", err)
		}
		p.setRec(rec)
		return nil
	case ok && rec.Completing && !rec.Completed:
		// An earlier attempt started completing the run and may have sent
		// part of its annotations, which GitHub would append to again.
		// Close it and start a fresh one.
		_, err := p.gh.UpdateCheckRun(ctx, job.Owner, job.Repo, rec.CheckRunID, githubapi.CheckRunInput{
			Conclusion: "neutral", CompletedAt: now,
			Output: &githubapi.CheckOutput{Title: "Replaced by a new run",
				Summary: "An interrupted attempt left this run incomplete; hotpath reports in a newer run for the same commit."},
		})
		if err != nil && !errors.Is(err, githubapi.ErrNotFound) {
			return err
		}
	case !ok && job.Attempt > 1:
		// A crash between creating the run and recording it: find it.
		runs, err := p.gh.ListCheckRunsForRef(ctx, job.Owner, job.Repo, job.HeadSHA, r.checkName)
		if err != nil {
			return err
		}
		for _, cr := range runs {
			if cr.Status != "completed" && cr.ExternalID == externalID(job) {
				rec = p.newRecord(cr.ID, now)
				if err := r.store.Put(ctx, rec); err != nil {
					return fmt.Errorf("check run store: %w", err)
				}
				p.setRec(rec)
				return nil
			}
		}
	}
	in := githubapi.CheckRunInput{
		Name: r.checkName, HeadSHA: job.HeadSHA, ExternalID: externalID(job), Status: "in_progress", StartedAt: now,
		Output: &githubapi.CheckOutput{Title: "Reviewing…",
			Summary: "hotpath is analysing the files this pull request changes."},
	}
	if r.detailsURL != nil {
		in.DetailsURL = r.detailsURL(job)
	}
	cr, err := p.gh.CreateCheckRun(ctx, job.Owner, job.Repo, in)
	if err != nil {
		return err
	}
	rec = p.newRecord(cr.ID, now)
	p.setRec(rec)
	if err := r.store.Put(ctx, rec); err != nil {
		return fmt.Errorf("check run store: %w", err)
	}
	return nil
}

func (p *pass) newRecord(id int64, now time.Time) CheckRunRecord {
	return CheckRunRecord{Key: p.key, Owner: p.job.Owner, Repo: p.job.Repo, Number: p.job.Number, CheckRunID: id, UpdatedAt: now}
}

func (p *pass) setRec(rec CheckRunRecord) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.rec = &rec
}

func (p *pass) record() (CheckRunRecord, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rec == nil {
		return CheckRunRecord{}, false
	}
	return *p.rec, true
}

// complete completes the job's check run.
func (p *pass) complete(ctx context.Context, res checkResult) error {
	rec, ok := p.record()
	if !ok {
		return errors.New("review: no check run to complete")
	}
	r := p.r
	if len(res.annotations) > 0 {
		// GitHub appends annotations: if this completion is interrupted, a
		// retry must not send them to the same run again.
		rec.Completing = true
		if err := r.store.Put(ctx, rec); err != nil {
			return fmt.Errorf("check run store: %w", err)
		}
		p.setRec(rec)
	}
	in := githubapi.CheckRunInput{
		Status: "completed", Conclusion: res.conclusion, CompletedAt: r.now(),
		Output: &githubapi.CheckOutput{Title: res.title, Summary: res.summary, Annotations: res.annotations},
	}
	_, err := p.gh.UpdateCheckRun(ctx, p.job.Owner, p.job.Repo, rec.CheckRunID, in)
	var ue *githubapi.UnprocessableError
	if errors.As(err, &ue) && len(res.annotations) > 0 {
		// GitHub refused the annotations: complete the run without (more of)
		// them rather than leave it open.
		p.log.Warn("review: GitHub refused the check run annotations", "error", err)
		in.Output.Annotations = nil
		in.Output.Summary = res.summary + "\n\n> [!NOTE]\n> GitHub refused this run's annotations (" +
			strings.ReplaceAll(describe(err), "\n", " ") + "); the findings are listed above and in the review.\n"
		_, err = p.gh.UpdateCheckRun(ctx, p.job.Owner, p.job.Repo, rec.CheckRunID, in)
	}
	if err != nil {
		return err
	}
	p.mu.Lock()
	p.completed = true
	p.mu.Unlock()
	if err := r.store.Complete(ctx, p.key); err != nil {
		// The run is complete on GitHub; Sweep checks GitHub before
		// touching a run, so a stale record is harmless.
		p.log.Warn("review: check run store", "error", err)
	}
	return nil
}

// failPermanently completes the check run with the explanation of an error
// that will not be retried (best effort: the repository may be gone).
func (p *pass) failPermanently(ctx context.Context, err error) {
	p.mu.Lock()
	done := p.completed
	p.mu.Unlock()
	if _, ok := p.record(); !ok || done {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), completeTimeout)
	defer cancel()
	cerr := p.complete(ctx, checkResult{
		conclusion: "failure",
		title:      "hotpath could not review this commit",
		summary: fmt.Sprintf("hotpath could not review commit `%s`: %s\n\nThis is not a problem in your code; "+
			"it will not be retried automatically. Check the App's installation and permissions, then re-run this check.",
			shortSHA(p.job.HeadSHA), fenceInline(describe(err))),
	})
	if cerr != nil {
		p.log.Warn("review: could not complete the check run after a permanent error", "error", cerr)
	}
}

// mergeGroup completes a check on a merge group's head in one request.
// Its pull requests entered the queue only after passing hotpath on their
// own heads, and the merge queue must never wait on a review.
func (p *pass) mergeGroup(ctx context.Context) (string, error) {
	now := p.r.now()
	in := githubapi.CheckRunInput{
		Name: p.r.checkName, HeadSHA: p.job.HeadSHA, Status: "completed", Conclusion: "success",
		StartedAt: now, CompletedAt: now,
		Output: &githubapi.CheckOutput{
			Title: "Reviewed on the pull requests",
			Summary: "This is a merge queue commit. hotpath reviews every pull request on its own head, and a pull request " +
				"enters the merge queue only after passing that check, so the merge group is not analysed again " +
				"(the merge queue never waits on hotpath).",
		},
	}
	if p.r.detailsURL != nil {
		in.DetailsURL = p.r.detailsURL(p.job)
	}
	if _, err := p.gh.CreateCheckRun(ctx, p.job.Owner, p.job.Repo, in); err != nil {
		return "", err
	}
	return OutcomeMergeGroup, nil
}

// configFailure reports a broken .github/hotpath.yml: failure, quoting the
// error and its line; neutral when the pull request edits the file (so the
// fix is not blocked by the broken version it fixes).
func configFailure(src configSource, touchesConfig bool) checkResult {
	var ce *config.Error
	line := 0
	msg := describe(src.err)
	if errors.As(src.err, &ce) {
		line = ce.Line
		msg = ce.Msg
	}
	var b strings.Builder
	fmt.Fprintf(&b, "**`%s` at `%s` is not valid, so hotpath did not review this pull request.**\n\n", src.path, shortSHA(src.ref))
	if line > 0 {
		fmt.Fprintf(&b, "Error on line %d:\n\n", line)
	} else {
		b.WriteString("Error:\n\n")
	}
	b.WriteString(codeBlock("", msg))
	if text, ok := lineOf(src.raw, line); ok {
		b.WriteString("\n")
		b.WriteString(codeBlock("yaml", fmt.Sprintf("%4d | %s", line, text)))
	}
	b.WriteString("\nhotpath reads its configuration from the base branch, so a pull request cannot switch off its own check. ")
	res := checkResult{conclusion: "failure"}
	if touchesConfig {
		res.conclusion = "neutral"
		b.WriteString("This pull request changes the config file, so this check does not block it; once it is merged, " +
			"pull requests are reviewed with the new file.\n")
	} else {
		b.WriteString("Fix the file on the base branch, then re-run this check.\n")
	}
	b.WriteString(fmt.Sprintf("\n- **Config:** `%s` at `%s`.\n", src.path, shortSHA(src.ref)))
	res.summary = b.String()
	res.title = "Invalid " + src.path
	if line > 0 {
		res.title += fmt.Sprintf(" (line %d)", line)
		if !touchesConfig {
			res.annotations = []githubapi.Annotation{{Path: src.path, StartLine: line, EndLine: line, Level: "failure",
				Title: "Invalid hotpath configuration", Message: msg}}
		}
	}
	return res
}

// lineOf returns line n (1-based) of data, bounded for display.
func lineOf(data []byte, n int) (string, bool) {
	if n <= 0 {
		return "", false
	}
	lines := strings.Split(string(data), "\n")
	if n > len(lines) {
		return "", false
	}
	l := strings.TrimRight(lines[n-1], "\r")
	if len(l) > 200 {
		l = l[:200] + "…"
	}
	return l, true
}

// codeBlock fences text with a backtick run longer than any inside it.
func codeBlock(info, text string) string {
	longest, cur := 0, 0
	for i := 0; i < len(text); i++ {
		if text[i] == '`' {
			cur++
			longest = max(longest, cur)
		} else {
			cur = 0
		}
	}
	fence := strings.Repeat("`", max(3, longest+1))
	return fence + info + "\n" + text + "\n" + fence + "\n"
}

// fenceInline wraps an error message in a code span that cannot be broken
// out of.
func fenceInline(s string) string {
	s = strings.ReplaceAll(s, "`", "'")
	return "`" + s + "`"
}

// GiveUp completes the job's check run after its last failed attempt, with
// the cause, so it never stays in_progress. A merge group gets its fast
// path instead.
func (r *Reviewer) GiveUp(ctx context.Context, job *queue.Job, cause error) error {
	p := r.newPass(job)
	r.m.reviews.WithLabelValues(OutcomeGaveUp).Inc()
	p.log.Warn("review: giving up", "error", cause)
	if err := validateJob(job); err != nil {
		return err
	}
	if job.MergeGroup {
		_, err := p.mergeGroup(ctx)
		return err
	}
	res := checkResult{
		conclusion: "failure",
		title:      "hotpath could not complete the review",
		summary: fmt.Sprintf("hotpath could not review commit `%s` after %d attempts. Last error: %s\n\n"+
			"This is a problem reaching GitHub or running hotpath, not a problem in your code. Re-run this check to try again.",
			shortSHA(job.HeadSHA), max(job.Attempt, 1), fenceInline(describe(cause))),
	}
	rec, ok, err := r.store.Get(ctx, p.key)
	if err != nil {
		return fmt.Errorf("check run store: %w", err)
	}
	if ok && rec.Completed {
		return nil
	}
	if !ok {
		runs, err := p.gh.ListCheckRunsForRef(ctx, job.Owner, job.Repo, job.HeadSHA, r.checkName)
		if err != nil {
			return err
		}
		for _, cr := range runs {
			if cr.Status != "completed" && cr.ExternalID == externalID(job) {
				rec, ok = p.newRecord(cr.ID, r.now()), true
				break
			}
		}
	}
	if !ok {
		// The run was never created: create it completed, so the pull
		// request shows why instead of waiting for a status forever.
		now := r.now()
		_, err := p.gh.CreateCheckRun(ctx, job.Owner, job.Repo, githubapi.CheckRunInput{
			Name: r.checkName, HeadSHA: job.HeadSHA, ExternalID: externalID(job), Status: "completed",
			Conclusion: res.conclusion, StartedAt: now, CompletedAt: now,
			Output: &githubapi.CheckOutput{Title: res.title, Summary: res.summary},
		})
		return err
	}
	rec.Completing = false // a failure explanation carries no annotations
	p.setRec(rec)
	return p.complete(ctx, res)
}

// sweepBatch bounds the runs one Sweep completes.
const sweepBatch = 100

// Sweep completes the App's check runs left in_progress for longer than
// StaleAfter (a crashed process, a lost job) as timed_out with an
// explanation, and marks them completed in the Store. A run GitHub already
// shows as completed is only marked. It returns the first error other than
// a vanished repository, after trying every stale run (rate limits stop it
// early).
func (r *Reviewer) Sweep(ctx context.Context) error {
	stale, err := r.store.Stale(ctx, r.now().Add(-r.staleAfter), sweepBatch)
	if err != nil {
		return fmt.Errorf("check run store: %w", err)
	}
	var errs []error
	for _, rec := range stale {
		if err := r.sweepOne(ctx, rec); err != nil {
			if isRateLimited(err) || ctx.Err() != nil {
				return classify(err)
			}
			r.log.Warn("review: sweep could not complete a check run", "check_run", rec.CheckRunID,
				"repo", rec.Owner+"/"+rec.Repo, "error", err)
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func (r *Reviewer) sweepOne(ctx context.Context, rec CheckRunRecord) error {
	gh := r.clients.ForInstallation(rec.Key.InstallationID)
	runs, err := gh.ListCheckRunsForRef(ctx, rec.Owner, rec.Repo, rec.Key.HeadSHA, r.checkName)
	if errors.Is(err, githubapi.ErrNotFound) {
		return r.store.Complete(ctx, rec.Key) // repository or installation gone
	}
	if err != nil {
		return err
	}
	open := false
	for _, cr := range runs {
		if cr.ID == rec.CheckRunID {
			open = cr.Status != "completed"
		}
	}
	if open {
		now := r.now()
		_, err = gh.UpdateCheckRun(ctx, rec.Owner, rec.Repo, rec.CheckRunID, githubapi.CheckRunInput{
			Status: "completed", Conclusion: "timed_out", CompletedAt: now,
			Output: &githubapi.CheckOutput{
				Title: "hotpath timed out",
				Summary: fmt.Sprintf("This check was still in progress after %s (since %s), so hotpath marked it timed out. "+
					"The review job was lost or is still being retried; its result will replace this one if it finishes. "+
					"Re-run this check to review the commit again.", r.staleAfter, rec.UpdatedAt.UTC().Format(time.RFC3339)),
			},
		})
		if err != nil && !errors.Is(err, githubapi.ErrNotFound) {
			return err
		}
		if err == nil {
			r.m.swept.Inc()
		}
	}
	return r.store.Complete(ctx, rec.Key)
}
