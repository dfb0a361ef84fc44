//go:build ignore

package jobs

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"time"

	"github.com/robfig/cron/v3"

	"example.com/scheduler/internal/metrics"
	"example.com/scheduler/internal/store"
)

// Scheduler polls for due jobs and runs them.
type Scheduler struct {
	store     *store.Store
	locker    *Locker
	exportURL string
	client    *http.Client
	parser    cron.Parser
}

// NewScheduler returns a Scheduler.
func NewScheduler(st *store.Store, locker *Locker, exportURL string) *Scheduler {
	return &Scheduler{
		store:     st,
		locker:    locker,
		exportURL: exportURL,
		client:    &http.Client{Timeout: 30 * time.Second},
		parser:    cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow),
	}
}

// Run checks for due jobs every ten seconds until ctx ends.
func (s *Scheduler) Run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(10 * time.Second):
		}
		due, err := s.store.DueJobs(ctx, time.Now())
		if err != nil {
			log.Printf("scheduler: loading due jobs: %v", err)
			continue
		}
		for _, j := range due {
			s.runOne(ctx, j)
		}
	}
}

func (s *Scheduler) runOne(ctx context.Context, j store.Job) {
	release, err := s.locker.Acquire(ctx, fmt.Sprintf("job-%d", j.ID), 5*time.Minute)
	if errors.Is(err, ErrLocked) {
		return
	}
	if err != nil {
		log.Printf("scheduler: lock for %s: %v", j.Name, err)
		return
	}
	defer release()
	started := time.Now()
	runErr := s.export(ctx, j)
	metrics.Observe(j.Name, started, runErr)
	sched, err := s.parser.Parse(j.Cron)
	if err != nil {
		log.Printf("scheduler: bad cron %q for %s: %v", j.Cron, j.Name, err)
		return
	}
	if err := s.store.RecordRun(ctx, j.ID, started, runErr, sched.Next(started)); err != nil {
		log.Printf("scheduler: recording run of %s: %v", j.Name, err)
	}
}

// export posts the job payload to the export service.
func (s *Scheduler) export(ctx context.Context, j store.Job) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.exportURL+"/jobs/"+j.Name, bytes.NewReader(j.Payload))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.client.Do(req) // expect: missing-release
	if err != nil {
		return err
	}
	if resp.StatusCode >= 300 {
		return fmt.Errorf("export %s: status %d", j.Name, resp.StatusCode)
	}
	return nil
}
