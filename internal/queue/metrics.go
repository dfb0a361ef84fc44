package queue

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/hotpath-app/hotpath/internal/promreg"
)

type metrics struct {
	enqueued *prometheus.CounterVec
	jobs     *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		enqueued: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hotpath_queue_enqueued_total",
			Help: "Enqueue attempts by job kind and outcome (queued, duplicate_delivery, duplicate_job, error).",
		}, []string{"kind", "outcome"}),
		jobs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hotpath_queue_jobs_total",
			Help: "Job attempts by kind and outcome (completed, retried, snoozed, cancelled, gave_up, released, cancelled_installation).",
		}, []string{"kind", "outcome"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "hotpath_queue_job_duration_seconds",
			Help:    "Duration of one job attempt by kind.",
			Buckets: []float64{.05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600},
		}, []string{"kind"}),
	}
	if reg != nil {
		m.enqueued = promreg.MustRegister(reg, m.enqueued)
		m.jobs = promreg.MustRegister(reg, m.jobs)
		m.duration = promreg.MustRegister(reg, m.duration)
	}
	return m
}
