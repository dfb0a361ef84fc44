//go:build ignore

package httpapi

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"strconv"

	"github.com/go-chi/chi/v5"
)

var scimTarget = os.Getenv("SCIM_TARGET_URL")

func (a *API) requireAdmin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("sid")
		if err != nil {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "login required"})
			return
		}
		sess, err := a.sessions.Get(r.Context(), c.Value)
		if err != nil || !sess.Admin || a.revocations.Revoked(c.Value) {
			writeJSON(w, http.StatusForbidden, map[string]string{"error": "admin only"})
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (a *API) disableUser(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(chi.URLParam(r, "id"))
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid id"})
		return
	}
	if err := a.sessions.DeleteAllFor(r.Context(), id); err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "internal error"})
		return
	}
	body, _ := json.Marshal(map[string]any{"schemas": []string{"urn:ietf:params:scim:api:messages:2.0:PatchOp"},
		"Operations": []map[string]any{{"op": "replace", "path": "active", "value": false}}})
	req, err := http.NewRequest(http.MethodPatch, scimTarget+"/Users/"+strconv.Itoa(id), bytes.NewReader(body))
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "internal error"})
		return
	}
	req.Header.Set("Content-Type", "application/scim+json")
	resp, err := http.DefaultClient.Do(req) // expect: sync-api-in-async
	if err != nil {
		writeJSON(w, http.StatusBadGateway, map[string]string{"error": "scim target unavailable"})
		return
	}
	resp.Body.Close()
	a.audit.Record(r.Context(), "user.disabled", strconv.Itoa(id), r.RemoteAddr)
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) syncGroup(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(chi.URLParam(r, "id"))
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid id"})
		return
	}
	var members []int
	if err := json.NewDecoder(r.Body).Decode(&members); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid body"})
		return
	}
	if err := a.accounts.SyncGroupMembers(r.Context(), id, members); err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "internal error"})
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) scimPush(w http.ResponseWriter, r *http.Request) {
	var payload json.RawMessage
	if err := json.NewDecoder(r.Body).Decode(&payload); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid body"})
		return
	}
	resp, err := http.Post(scimTarget+"/Bulk", "application/scim+json", bytes.NewReader(payload)) // expect: sync-api-in-async, missing-release
	if err != nil {
		writeJSON(w, http.StatusBadGateway, map[string]string{"error": "scim target unavailable"})
		return
	}
	writeJSON(w, resp.StatusCode, map[string]string{"status": resp.Status})
}
