//go:build ignore

package uploads

import (
	"mime"
	"path/filepath"
	"strings"
)

// extensions maps accepted MIME types to file extensions; filled once at init.
var extensions = map[string]string{}

func init() {
	for _, t := range []string{"image/jpeg", "image/png", "image/webp", "image/gif", "image/avif"} {
		exts, _ := mime.ExtensionsByType(t)
		if len(exts) > 0 {
			extensions[t] = exts[0]
		} else {
			extensions[t] = "." + strings.TrimPrefix(t, "image/")
		}
	}
}

// Extension returns the canonical extension for an accepted MIME type.
func Extension(mimeType string) (string, bool) {
	ext, ok := extensions[mimeType]
	return ext, ok
}

// Accepted reports whether a file name has an accepted image extension.
func Accepted(name string) bool {
	t := mime.TypeByExtension(strings.ToLower(filepath.Ext(name)))
	_, ok := extensions[strings.Split(t, ";")[0]]
	return ok
}
