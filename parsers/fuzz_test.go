package parsers

import (
	"context"
	"testing"
)

// FuzzParse feeds arbitrary bytes to every grammar and walks the result.
// Nothing may panic, and every node must lie inside the source.
func FuzzParse(f *testing.F) {
	for _, s := range []string{tsSample, goSample, "", "\xff\xfe", "{{{{", "func(", "`${`${`"} {
		f.Add(s)
	}
	p := NewParser(Options{})
	f.Fuzz(func(t *testing.T, src string) {
		for _, l := range Languages() {
			file, err := p.ParseAs(context.Background(), "fuzz", l, []byte(src))
			if err != nil {
				if _, ok := AsSkip(err); !ok {
					t.Fatalf("%v: unexpected error %v", l, err)
				}
				continue
			}
			n := 0
			file.Root().Walk(func(nd Node) bool {
				n++
				if nd.EndByte() > uint32(len(src)) || nd.StartByte() > nd.EndByte() {
					t.Fatalf("%v: node %s out of range", l, nd.Type())
				}
				_ = nd.Text()
				_, _ = file.Position(nd.StartByte())
				return true
			})
			if n != file.NodeCount() {
				t.Fatalf("walk visited %d of %d nodes", n, file.NodeCount())
			}
		}
	})
}
