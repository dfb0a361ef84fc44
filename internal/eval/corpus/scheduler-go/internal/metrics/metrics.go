//go:build ignore

// Package metrics exposes Prometheus metrics for job runs.
package metrics

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

var (
	runs = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "scheduler_job_runs_total",
		Help: "Job runs by job and outcome.",
	}, []string{"job", "outcome"})
	duration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "scheduler_job_duration_seconds",
		Help:    "Job run duration.",
		Buckets: prometheus.ExponentialBuckets(0.05, 2, 12),
	}, []string{"job"})
)

// Register registers the collectors with the default registry.
func Register() {
	prometheus.MustRegister(runs, duration)
}

// Observe records one run.
func Observe(job string, started time.Time, err error) {
	outcome := "ok"
	if err != nil {
		outcome = "error"
	}
	runs.WithLabelValues(job, outcome).Inc()
	duration.WithLabelValues(job).Observe(time.Since(started).Seconds())
}
