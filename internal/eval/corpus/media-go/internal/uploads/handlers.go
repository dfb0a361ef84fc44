//go:build ignore

// Package uploads accepts user uploads.
package uploads

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"

	"github.com/go-chi/chi/v5"

	"example.com/media/internal/db"
	"example.com/media/internal/quota"
)

const maxUpload = 25 << 20

type handler struct {
	repo  *db.Repo
	quota *quota.Quota
	root  string
}

// Mount registers the upload routes.
func Mount(r chi.Router, repo *db.Repo, q *quota.Quota, root string) {
	h := &handler{repo: repo, quota: q, root: root}
	r.Post("/v1/owners/{owner}/assets", h.upload)
	r.Get("/v1/owners/{owner}/assets", h.list)
	r.Post("/v1/owners/{owner}/assets/import", h.importURL)
}

func (h *handler) upload(w http.ResponseWriter, r *http.Request) {
	owner, err := strconv.ParseInt(chi.URLParam(r, "owner"), 10, 64)
	if err != nil {
		http.Error(w, "invalid owner", http.StatusBadRequest)
		return
	}
	if ok, err := h.quota.Allow(r.Context(), owner, r.ContentLength); err != nil || !ok {
		http.Error(w, "quota exceeded", http.StatusForbidden)
		return
	}
	tmp, err := os.CreateTemp(h.root, "upload-*")
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	sum := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, sum), http.MaxBytesReader(w, r.Body, maxUpload))
	if err != nil {
		http.Error(w, "upload too large", http.StatusRequestEntityTooLarge)
		return
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	cfg, format, err := image.DecodeConfig(tmp)
	if err != nil {
		http.Error(w, "not an image", http.StatusUnsupportedMediaType)
		return
	}
	name := hex.EncodeToString(sum.Sum(nil)) + "." + format
	final := filepath.Join(h.root, name[:2], name)
	if err := os.MkdirAll(filepath.Dir(final), 0o755); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if err := os.Rename(tmp.Name(), final); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	id, err := h.repo.Insert(r.Context(), db.Asset{OwnerID: owner, Path: final, Mime: "image/" + format, Bytes: n, Width: cfg.Width, Height: cfg.Height})
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	_ = json.NewEncoder(w).Encode(map[string]any{"id": id, "path": name})
}

func (h *handler) list(w http.ResponseWriter, r *http.Request) {
	owner, _ := strconv.ParseInt(chi.URLParam(r, "owner"), 10, 64)
	assets, err := h.repo.OwnerAssets(r.Context(), owner, 100)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(assets)
}

type importRequest struct {
	URL string `json:"url"`
}

func (h *handler) importURL(w http.ResponseWriter, r *http.Request) {
	var req importRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.URL == "" {
		http.Error(w, "url required", http.StatusBadRequest)
		return
	}
	resp, err := http.Get(req.URL) // expect: sync-api-in-async
	if err != nil {
		http.Error(w, "fetch failed", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		http.Error(w, fmt.Sprintf("remote returned %d", resp.StatusCode), http.StatusBadGateway)
		return
	}
	tmp, err := os.CreateTemp(h.root, "import-*")
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	defer tmp.Close()
	if _, err := io.Copy(tmp, io.LimitReader(resp.Body, maxUpload)); err != nil {
		http.Error(w, "download failed", http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}
