package codec

import (
	"log"
	"reflect"
	"sync"
	"testing"
)

var (
	typesByName = make(map[string]reflect.Type)
	namesByType = map[reflect.Type]string{}
	fieldsMu    sync.Mutex
	fields      = map[reflect.Type][]int{}
	schemas     = map[string]string{}
)

// Register maps a name to a type; a duplicate is logged and ignored.
func Register(x any, name string) {
	if _, ok := typesByName[name]; ok {
		log.Printf("codec: duplicate type %s", name)
		return
	}
	t := reflect.TypeOf(x)
	typesByName[name] = t
	namesByType[t] = name
}

// fieldIndexes is memoised per type: bounded by the program's types.
func fieldIndexes(t reflect.Type) []int {
	fieldsMu.Lock()
	defer fieldsMu.Unlock()
	if f, ok := fields[t]; ok {
		return f
	}
	f := make([]int, 0, t.NumField())
	for i := 0; i < t.NumField(); i++ {
		f = append(f, i)
	}
	fields[t] = f
	return f
}

var layouts sync.Map

func layoutOf(v any) []int {
	t := reflect.TypeOf(v)
	if l, ok := layouts.Load(t); ok {
		return l.([]int)
	}
	l := fieldIndexes(t)
	layouts.Store(t, l)
	return l
}

// schemaFor is a test helper: it caches one schema per migration set for
// the whole test binary.
func schemaFor(tb testing.TB, lines string) string {
	if s, ok := schemas[lines]; ok {
		return s
	}
	s := "test_" + lines
	tb.Logf("created schema %s", s)
	schemas[lines] = s
	return s
}
