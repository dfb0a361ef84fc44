package review

import (
	"context"
	"sort"
	"sync"
	"time"
)

// CheckRunKey identifies the check run of one review job: the job's
// installation, repository, head SHA and River job ID (stable across
// attempts). A re-run is a new job, so it gets a new check run, as GitHub
// expects for check_run rerequested.
type CheckRunKey struct {
	InstallationID int64
	RepoID         int64
	HeadSHA        string
	JobID          int64
}

// CheckRunRecord is what the pipeline remembers about a check run it
// created.
type CheckRunRecord struct {
	Key CheckRunKey
	// Owner, Repo and Number locate the run for Sweep and GiveUp (Number is
	// 0 for merge groups).
	Owner, Repo string
	Number      int
	// CheckRunID is GitHub's ID of the run.
	CheckRunID int64
	// UpdatedAt is when the run was created or last taken up by an attempt;
	// Sweep completes runs whose UpdatedAt is older than StaleAfter.
	UpdatedAt time.Time
	// Completing is set before a completion that needs several requests
	// (more than 50 annotations, which GitHub appends): if it fails half
	// way, a retry creates a fresh run instead of appending the
	// annotations a second time.
	Completing bool
	// Completed is set once the run is completed on GitHub.
	Completed bool
}

// CheckRunStore remembers the pipeline's check runs, so that a retried job
// reuses its run instead of creating a second one, and so that Sweep can
// complete runs a crashed process left in_progress. Implementations must be
// safe for concurrent use. Records of completed runs may be pruned at any
// time after a day or so.
type CheckRunStore interface {
	// Get returns the record for key; ok is false when there is none.
	Get(ctx context.Context, key CheckRunKey) (rec CheckRunRecord, ok bool, err error)
	// Put inserts the record or replaces the one with the same Key.
	Put(ctx context.Context, rec CheckRunRecord) error
	// Complete marks the record for key completed (no error when it does
	// not exist).
	Complete(ctx context.Context, key CheckRunKey) error
	// Stale returns up to limit records that are not completed and whose
	// UpdatedAt is before the given time, oldest first.
	Stale(ctx context.Context, updatedBefore time.Time, limit int) ([]CheckRunRecord, error)
}

// MemoryStore is an in-memory CheckRunStore for tests and single-process
// setups without a database. The zero value is not ready; use
// NewMemoryStore.
type MemoryStore struct {
	mu   sync.Mutex
	recs map[CheckRunKey]CheckRunRecord
}

var _ CheckRunStore = (*MemoryStore)(nil)

// NewMemoryStore returns an empty MemoryStore.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{recs: map[CheckRunKey]CheckRunRecord{}}
}

// Get implements CheckRunStore.
func (m *MemoryStore) Get(_ context.Context, key CheckRunKey) (CheckRunRecord, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	rec, ok := m.recs[key]
	return rec, ok, nil
}

// Put implements CheckRunStore.
func (m *MemoryStore) Put(_ context.Context, rec CheckRunRecord) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.recs[rec.Key] = rec
	return nil
}

// Complete implements CheckRunStore.
func (m *MemoryStore) Complete(_ context.Context, key CheckRunKey) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if rec, ok := m.recs[key]; ok {
		rec.Completed = true
		rec.Completing = false
		m.recs[key] = rec
	}
	return nil
}

// Stale implements CheckRunStore.
func (m *MemoryStore) Stale(_ context.Context, updatedBefore time.Time, limit int) ([]CheckRunRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []CheckRunRecord
	for _, rec := range m.recs {
		if !rec.Completed && rec.UpdatedAt.Before(updatedBefore) {
			out = append(out, rec)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].UpdatedAt.Equal(out[j].UpdatedAt) {
			return out[i].UpdatedAt.Before(out[j].UpdatedAt)
		}
		return out[i].CheckRunID < out[j].CheckRunID
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// Records returns every record (for tests), ordered by check run ID.
func (m *MemoryStore) Records() []CheckRunRecord {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]CheckRunRecord, 0, len(m.recs))
	for _, rec := range m.recs {
		out = append(out, rec)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].CheckRunID < out[j].CheckRunID })
	return out
}
