package rules

import (
	"fmt"
	"path"
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// Knowledge is what a repository teaches hotpath about its own code, on top
// of the built-in tables: its data-access wrappers, blocking helpers and
// pooled resources. It comes from the `knowledge` section of the config file.
type Knowledge struct {
	// QueryCalls are calls that reach a database or cache, written
	// "receiver.method" where either side may be a glob ("userRepo.*",
	// "*.fetchAccount") or a bare function name ("loadUser").
	QueryCalls []string `yaml:"query_calls" json:"query_calls,omitempty"`
	// QueryTypes are type or class names whose every method call reaches a
	// database or cache ("UserStore", "*store.Queries").
	QueryTypes []string `yaml:"query_types" json:"query_types,omitempty"`
	// BlockingCalls are synchronous calls that block the event loop or a
	// request goroutine ("legacy.readConfigSync", "heavyHash").
	BlockingCalls []string `yaml:"blocking_calls" json:"blocking_calls,omitempty"`
	// Resources are extra acquire/release pairs for missing-release.
	Resources []Resource `yaml:"resources" json:"resources,omitempty"`
}

// A Resource is a pooled resource: the call that acquires it and the method
// that gives it back.
type Resource struct {
	Acquire string `yaml:"acquire" json:"acquire"` // "pool.getConnection", "*.acquireLock"
	Release string `yaml:"release" json:"release"` // "release"
}

// Validate checks the patterns' syntax.
func (k *Knowledge) Validate() error {
	check := func(field string, pats []string) error {
		for _, p := range pats {
			if strings.TrimSpace(p) == "" {
				return fmt.Errorf("%s: empty pattern", field)
			}
			for _, part := range strings.Split(p, ".") {
				if _, err := path.Match(part, "x"); err != nil {
					return fmt.Errorf("%s: bad pattern %q: %v", field, p, err)
				}
			}
		}
		return nil
	}
	if err := check("query_calls", k.QueryCalls); err != nil {
		return err
	}
	if err := check("query_types", k.QueryTypes); err != nil {
		return err
	}
	if err := check("blocking_calls", k.BlockingCalls); err != nil {
		return err
	}
	for i, r := range k.Resources {
		if r.Acquire == "" || r.Release == "" {
			return fmt.Errorf("resources[%d]: acquire and release are both required", i)
		}
		if err := check("resources.acquire", []string{r.Acquire}); err != nil {
			return err
		}
	}
	return nil
}

// MatchCall reports whether a call matches one of the "receiver.method"
// patterns. The receiver side is matched against the receiver's text, its
// root identifier and its last segment, so "repo.*" matches repo.find(),
// this.repo.find() and deps.repo.find().
func MatchCall(patterns []string, call parsers.Node) bool {
	if len(patterns) == 0 {
		return false
	}
	recv, method := Callee(call)
	if method == "" {
		return false
	}
	recvTexts := receiverNames(recv)
	for _, p := range patterns {
		i := strings.LastIndex(p, ".")
		if i < 0 {
			if recv.IsNull() && globMatch(p, method) {
				return true
			}
			continue
		}
		rp, mp := p[:i], p[i+1:]
		if !globMatch(mp, method) {
			continue
		}
		if recv.IsNull() {
			continue
		}
		for _, t := range recvTexts {
			if globMatch(rp, t) {
				return true
			}
		}
	}
	return false
}

// MatchType reports whether a declared type text matches one of the type
// patterns. Pointer stars, generic arguments and package qualifiers are
// tried both kept and dropped: "UserStore" matches "*store.UserStore".
func MatchType(patterns []string, typ string) bool {
	if typ == "" {
		return false
	}
	cands := typeCandidates(typ)
	for _, p := range patterns {
		for _, c := range cands {
			if globMatch(p, c) {
				return true
			}
		}
	}
	return false
}

func typeCandidates(typ string) []string {
	t := strings.TrimSpace(typ)
	out := []string{t}
	t = strings.TrimLeft(t, "*&")
	if i := strings.IndexAny(t, "<["); i > 0 {
		t = t[:i]
	}
	out = append(out, t)
	if i := strings.LastIndex(t, "."); i >= 0 {
		out = append(out, t[i+1:])
	}
	return out
}

func receiverNames(recv parsers.Node) []string {
	if recv.IsNull() {
		return nil
	}
	text := collapse(recv.Text())
	out := []string{text}
	if i := strings.LastIndex(text, "."); i >= 0 {
		out = append(out, text[i+1:])
	}
	if r := RootIdent(recv); !r.IsNull() {
		out = append(out, r.Text())
	}
	return out
}

func globMatch(pattern, s string) bool {
	ok, err := path.Match(pattern, s)
	return err == nil && ok
}
