package promreg

import (
	"testing"

	"github.com/prometheus/client_golang/prometheus"
)

func TestRegisterSharesAndRejectsConflicts(t *testing.T) {
	reg := prometheus.NewRegistry()
	opts := prometheus.CounterOpts{Name: "hotpath_test_total", Help: "test"}
	a := MustRegister(reg, prometheus.NewCounterVec(opts, []string{"outcome"}))
	b := MustRegister(reg, prometheus.NewCounterVec(opts, []string{"outcome"}))
	if a != b {
		t.Fatal("a second registration of the same metric did not return the first collector")
	}
	a.WithLabelValues("ok").Inc()
	b.WithLabelValues("ok").Inc()
	if n, _ := reg.Gather(); len(n) != 1 || n[0].GetMetric()[0].GetCounter().GetValue() != 2 {
		t.Errorf("gathered %v, want one series counting 2", n)
	}
	// Same name, other labels: a conflict, not a share.
	if _, err := Register(reg, prometheus.NewCounterVec(opts, []string{"kind"})); err == nil {
		t.Error("a conflicting registration was accepted")
	}
}
