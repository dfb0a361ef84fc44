package parsers

/*
#include <stdint.h>
#include <stdbool.h>

// Layouts of tree-sitter's public value types (lib/include/tree_sitter/api.h
// of the runtime vendored by github.com/smacker/go-tree-sitter). The symbols
// below are linked from that package's C objects. TestFlattenMatchesBinding
// checks the copy against the binding's own accessors.
typedef struct { uint32_t context[4]; const void *id; const void *tree; } hpTSNode;
typedef struct { const void *tree; const void *id; uint32_t context[3]; } hpTSTreeCursor;

extern hpTSTreeCursor ts_tree_cursor_new(hpTSNode node);
extern void ts_tree_cursor_delete(hpTSTreeCursor *self);
extern hpTSNode ts_tree_cursor_current_node(const hpTSTreeCursor *self);
extern uint16_t ts_tree_cursor_current_field_id(const hpTSTreeCursor *self);
extern bool ts_tree_cursor_goto_parent(hpTSTreeCursor *self);
extern bool ts_tree_cursor_goto_next_sibling(hpTSTreeCursor *self);
extern bool ts_tree_cursor_goto_first_child(hpTSTreeCursor *self);
extern uint16_t ts_node_symbol(hpTSNode self);
extern uint32_t ts_node_start_byte(hpTSNode self);
extern uint32_t ts_node_end_byte(hpTSNode self);
extern bool ts_node_is_named(hpTSNode self);
extern bool ts_node_is_missing(hpTSNode self);
extern bool ts_node_is_extra(hpTSNode self);
extern uint32_t ts_node_descendant_count(hpTSNode self);

typedef struct {
	uint32_t start, end;
	int32_t parent;
	uint16_t sym, field;
	uint8_t flags;
	uint8_t pad[3];
} hpNode;

enum { hpNamed = 1, hpMissing = 2, hpExtra = 4 };

static uint32_t hp_descendants(hpTSNode root) { return ts_node_descendant_count(root); }

// hp_flatten writes the tree below root in pre-order. It returns the number
// of records written, or UINT32_MAX when cap was too small.
static uint32_t hp_flatten(hpTSNode root, hpNode *out, uint32_t cap) {
	hpTSTreeCursor c = ts_tree_cursor_new(root);
	uint32_t n = 0;
	int32_t parent = -1;
	for (;;) {
		if (n >= cap) { ts_tree_cursor_delete(&c); return UINT32_MAX; }
		hpTSNode nd = ts_tree_cursor_current_node(&c);
		hpNode *o = &out[n];
		o->start = ts_node_start_byte(nd);
		o->end = ts_node_end_byte(nd);
		o->parent = parent;
		o->sym = ts_node_symbol(nd);
		o->field = ts_tree_cursor_current_field_id(&c);
		o->flags = (ts_node_is_named(nd) ? hpNamed : 0) |
			(ts_node_is_missing(nd) ? hpMissing : 0) |
			(ts_node_is_extra(nd) ? hpExtra : 0);
		int32_t me = (int32_t)n++;
		if (ts_tree_cursor_goto_first_child(&c)) { parent = me; continue; }
		while (!ts_tree_cursor_goto_next_sibling(&c)) {
			if (parent < 0 || !ts_tree_cursor_goto_parent(&c)) { ts_tree_cursor_delete(&c); return n; }
			parent = out[parent].parent;
		}
	}
}
*/
import "C"

import (
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter"
)

// record is one node of a flattened tree. Its layout matches hpNode.
type record struct {
	start, end uint32
	parent     int32
	sym, field uint16
	flags      uint8
	_          [3]byte
}

const (
	flagNamed   = 1
	flagMissing = 2
	flagExtra   = 4
)

// Compile-time check that record and hpNode agree in size.
var _ [unsafe.Sizeof(C.hpNode{}) - unsafe.Sizeof(record{})]struct{}
var _ [unsafe.Sizeof(record{}) - unsafe.Sizeof(C.hpNode{})]struct{}

// flatten copies the tree under root into buf (reused when large enough).
// sizeHint is a guess of the node count; when it is too small the exact
// count is asked of tree-sitter and the walk repeated.
func flatten(root *sitter.Node, buf []record, sizeHint int) []record {
	// sitter.Node stores the C TSNode value as its first field.
	tsn := *(*C.hpTSNode)(unsafe.Pointer(root))
	if sizeHint < 16 {
		sizeHint = 16
	}
	for attempt := 0; attempt < 2; attempt++ {
		if cap(buf) < sizeHint {
			buf = make([]record, sizeHint)
		}
		buf = buf[:cap(buf)]
		got := C.hp_flatten(tsn, (*C.hpNode)(unsafe.Pointer(&buf[0])), C.uint32_t(len(buf)))
		if uint32(got) != ^uint32(0) {
			return buf[:got]
		}
		sizeHint = int(C.hp_descendants(tsn)) + 1
	}
	panic("parsers: tree changed size while flattening")
}
