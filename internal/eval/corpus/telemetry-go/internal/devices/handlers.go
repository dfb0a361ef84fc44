//go:build ignore

package devices

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

type firmwareInfo struct {
	Latest    string `json:"latest"`
	Changelog string `json:"changelog"`
	Mandatory bool   `json:"mandatory"`
}

// FirmwareHandler tells a device whether a newer firmware is available.
func FirmwareHandler(reg *Registry, firmwareURL string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d, err := reg.Get(r.Context(), r.PathValue("id"))
		if err != nil {
			http.Error(w, "unknown device", http.StatusNotFound)
			return
		}
		resp, err := http.Get(fmt.Sprintf("%s/models/%s/latest.json", firmwareURL, d.Model)) // expect: sync-api-in-async
		if err != nil {
			http.Error(w, "firmware service unavailable", http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		var info firmwareInfo
		if err := json.NewDecoder(resp.Body).Decode(&info); err != nil {
			http.Error(w, "bad firmware manifest", http.StatusBadGateway)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"current": d.Firmware, "latest": info.Latest, "update": d.Firmware != info.Latest, "mandatory": info.Mandatory})
	})
}

var rebootClient = &http.Client{Timeout: 4 * time.Second}

// RebootHandler asks the device gateway to reboot a device and waits for it to come back.
func RebootHandler(reg *Registry) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d, err := reg.Get(r.Context(), r.PathValue("id"))
		if err != nil {
			http.Error(w, "unknown device", http.StatusNotFound)
			return
		}
		req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, d.RebootURL, nil)
		if err != nil {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		resp, err := rebootClient.Do(req)
		if err != nil {
			http.Error(w, "gateway unavailable", http.StatusBadGateway)
			return
		}
		resp.Body.Close()
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) {
			time.Sleep(2 * time.Second) // expect: sync-api-in-async
			fresh, err := reg.Get(r.Context(), d.ID)
			if err == nil && fresh.LastSeen.After(d.LastSeen) {
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
		http.Error(w, "device did not come back", http.StatusGatewayTimeout)
	})
}
