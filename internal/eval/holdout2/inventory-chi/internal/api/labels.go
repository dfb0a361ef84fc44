//go:build ignore

package api

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"time"

	"github.com/go-chi/chi/v5"
)

var printerURL = os.Getenv("LABEL_PRINTER_URL")

// printLabel sends a ZPL label to the floor printer's HTTP interface.
func (h *Handler) printLabel(w http.ResponseWriter, r *http.Request) {
	it, err := h.store.Item(r.Context(), chi.URLParam(r, "sku"))
	if err != nil {
		writeErr(w, http.StatusNotFound, "unknown_sku")
		return
	}
	zpl := fmt.Sprintf("^XA^FO40,40^A0N,40,40^FD%s^FS^FO40,100^BCN,80^FD%s^FS^XZ", it.Name, it.SKU)

	req, err := http.NewRequest(http.MethodPost, printerURL+"/pstprnt", bytes.NewBufferString(zpl))
	if err != nil {
		writeErr(w, http.StatusInternalServerError, "request")
		return
	}
	resp, err := http.DefaultClient.Do(req) // expect: sync-api-in-async
	if err != nil {
		writeErr(w, http.StatusBadGateway, "printer")
		return
	}
	resp.Body.Close()

	// The printer drops jobs that arrive back to back; give it a moment before replying
	// so the next scan from the same station does not overrun it.
	time.Sleep(300 * time.Millisecond) // expect: sync-api-in-async
	writeJSON(w, http.StatusAccepted, map[string]string{"status": "sent"})
}
