package jobs

import "sync"

// Maps that store literals without memoising an answer.

// A first-seen check: the value found is never returned.
var seen sync.Map

func FirstTime(id string) bool {
	if _, dup := seen.Load(id); dup {
		return false
	}
	seen.Store(id, true)
	return true
}

// One constant stored for every key: an initial state, not an answer.
var states = map[string]string{}

func State(id string) string {
	if s, ok := states[id]; ok {
		return s
	}
	states[id] = "pending"
	return "pending"
}

// A status machine: the literals stored are not returned right away.
var status = map[string]string{}

func Run(id string, run func() error) string {
	if s, ok := status[id]; ok {
		return s
	}
	status[id] = "running"
	if err := run(); err != nil {
		status[id] = "failed"
		return "failed"
	}
	status[id] = "done"
	return "done"
}

// Two literals stored and returned, but the lookup's value is not what a
// hit returns.
var claimed = map[string]bool{}

func Claim(id string, ok bool) bool {
	if _, taken := claimed[id]; taken {
		return false
	}
	if !ok {
		claimed[id] = false
		return false
	}
	claimed[id] = true
	return true
}
