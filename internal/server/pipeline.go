package server

import (
	"context"
	"time"

	"github.com/hotpath-app/hotpath/internal/queue"
	"github.com/hotpath-app/hotpath/internal/review"
)

// CheckRunRetention is how long records of completed check runs are kept
// (the review pipeline needs them only while a job may still be retried).
const CheckRunRetention = 7 * 24 * time.Hour

// defaultPipeline builds the production review pipeline on the queue's
// check-run store.
func defaultPipeline(d Deps) (Pipeline, error) {
	return review.New(review.Options{
		Clients:    d.Clients,
		Store:      CheckRunStore(d.CheckRuns),
		Logger:     d.Logger,
		Registerer: d.Registerer,
		StaleAfter: staleAfter(d),
	})
}

// staleAfter is when the sweep may complete a run left in progress: never
// while its job may still be running or waiting to be rescued (a long
// HOTPATH_JOB_TIMEOUT), and not before review's default.
func staleAfter(d Deps) time.Duration {
	if d.Settings == nil {
		return review.DefaultStaleAfter
	}
	return max(review.DefaultStaleAfter, QueueOptions(d.Settings).RescueStuckJobsAfter+5*time.Minute)
}

// CheckRunStore adapts the queue's database store to review.CheckRunStore
// (review imports queue, so queue cannot name review's types).
func CheckRunStore(s *queue.CheckRunStore) review.CheckRunStore { return storeAdapter{s} }

type storeAdapter struct{ s *queue.CheckRunStore }

func toQueueKey(k review.CheckRunKey) queue.CheckRunKey {
	return queue.CheckRunKey{InstallationID: k.InstallationID, RepoID: k.RepoID, HeadSHA: k.HeadSHA, JobID: k.JobID}
}

func toReviewRecord(r queue.CheckRunRecord) review.CheckRunRecord {
	return review.CheckRunRecord{
		Key:   review.CheckRunKey{InstallationID: r.Key.InstallationID, RepoID: r.Key.RepoID, HeadSHA: r.Key.HeadSHA, JobID: r.Key.JobID},
		Owner: r.Owner, Repo: r.Repo, Number: r.Number, CheckRunID: r.CheckRunID, UpdatedAt: r.UpdatedAt,
		Completing: r.Completing, Completed: r.Completed,
	}
}

func (a storeAdapter) Get(ctx context.Context, key review.CheckRunKey) (review.CheckRunRecord, bool, error) {
	rec, ok, err := a.s.Get(ctx, toQueueKey(key))
	if err != nil || !ok {
		return review.CheckRunRecord{}, ok, err
	}
	return toReviewRecord(rec), true, nil
}

func (a storeAdapter) Put(ctx context.Context, r review.CheckRunRecord) error {
	return a.s.Put(ctx, queue.CheckRunRecord{
		Key:   toQueueKey(r.Key),
		Owner: r.Owner, Repo: r.Repo, Number: r.Number, CheckRunID: r.CheckRunID, UpdatedAt: r.UpdatedAt,
		Completing: r.Completing, Completed: r.Completed,
	})
}

func (a storeAdapter) Complete(ctx context.Context, key review.CheckRunKey) error {
	return a.s.Complete(ctx, toQueueKey(key))
}

func (a storeAdapter) Stale(ctx context.Context, before time.Time, limit int) ([]review.CheckRunRecord, error) {
	recs, err := a.s.Stale(ctx, before, limit)
	if err != nil {
		return nil, err
	}
	out := make([]review.CheckRunRecord, len(recs))
	for i, r := range recs {
		out[i] = toReviewRecord(r)
	}
	return out, nil
}
