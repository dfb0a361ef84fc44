//go:build ignore

// Package thumbs serves resized images.
package thumbs

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"net/http"
	"os"
	"strconv"

	"github.com/go-chi/chi/v5"
	"github.com/gomodule/redigo/redis"
	"golang.org/x/image/draw"

	"example.com/media/internal/cdn"
	"example.com/media/internal/db"
)

var allowedWidths = map[int]bool{64: true, 128: true, 256: true, 512: true, 1024: true}

type handler struct {
	repo   *db.Repo
	redis  *redis.Pool
	purger *cdn.Purger
}

// Mount registers the thumbnail routes.
func Mount(r chi.Router, repo *db.Repo, rp *redis.Pool, purger *cdn.Purger) {
	h := &handler{repo: repo, redis: rp, purger: purger}
	r.Get("/t/{id}/{width}.jpg", h.thumb)
	r.Delete("/t/{id}", h.invalidate)
}

func thumbKey(id int64, width int) string { return fmt.Sprintf("media:thumb:%d:%d", id, width) }

func (h *handler) thumb(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	width, werr := strconv.Atoi(chi.URLParam(r, "width"))
	if err != nil || werr != nil || !allowedWidths[width] {
		http.NotFound(w, r)
		return
	}
	conn := h.redis.Get()
	defer conn.Close()
	if b, err := redis.Bytes(conn.Do("GET", thumbKey(id, width))); err == nil {
		w.Header().Set("Content-Type", "image/jpeg")
		_, _ = w.Write(b)
		return
	}
	asset, err := h.repo.Asset(r.Context(), id)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	f, err := os.Open(asset.Path)
	if err != nil {
		http.Error(w, "original missing", http.StatusGone)
		return
	}
	defer f.Close()
	src, _, err := image.Decode(f)
	if err != nil {
		http.Error(w, "cannot decode original", http.StatusUnprocessableEntity)
		return
	}
	height := src.Bounds().Dy() * width / src.Bounds().Dx()
	dst := image.NewRGBA(image.Rect(0, 0, width, height))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Over, nil)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 82}); err != nil {
		http.Error(w, "encode failed", http.StatusInternalServerError)
		return
	}
	if _, err := conn.Do("SET", thumbKey(id, width), buf.Bytes()); err != nil { // expect: cache-without-ttl
		// A cache miss next time is fine.
		_ = err
	}
	w.Header().Set("Content-Type", "image/jpeg")
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	_, _ = w.Write(buf.Bytes())
}

func (h *handler) invalidate(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	conn := h.redis.Get()
	defer conn.Close()
	keys := redis.Args{}
	for wdt := range allowedWidths {
		keys = keys.Add(thumbKey(id, wdt))
	}
	if _, err := conn.Do("DEL", keys...); err != nil {
		http.Error(w, "cache unavailable", http.StatusServiceUnavailable)
		return
	}
	if err := h.purger.Purge(r.Context(), fmt.Sprintf("/t/%d/", id)); err != nil {
		http.Error(w, "cdn purge failed", http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
