package engine

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// skipDirs are never descended into: VCS data, dependencies, build output.
var skipDirs = map[string]bool{
	".git": true, ".hg": true, ".svn": true, "node_modules": true, "vendor": true,
	"dist": true, "build": true, ".next": true, ".nuxt": true, "coverage": true, ".turbo": true,
}

// Walk lists the analysable files under roots (files or directories),
// skipping .git, node_modules, vendor, dist, build and similar folders.
// Paths keep the form the caller gave (relative stays relative). base is the
// directory config globs are relative to; ConfigPath is set relative to it.
// Symbolic links to directories are not followed.
func Walk(roots []string, base string) ([]File, error) {
	var out []File
	absBase, err := filepath.Abs(base)
	if err != nil {
		return nil, err
	}
	add := func(p string) {
		cp := p
		if abs, err := filepath.Abs(p); err == nil {
			if rel, err := filepath.Rel(absBase, abs); err == nil && !strings.HasPrefix(rel, "..") {
				cp = rel
			}
		}
		path := p
		out = append(out, File{Path: filepath.ToSlash(path), ConfigPath: filepath.ToSlash(cp), Load: func() ([]byte, error) {
			return os.ReadFile(path)
		}})
	}
	for _, root := range roots {
		info, err := os.Stat(root)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			add(root)
			continue
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if p != root && skipDirs[d.Name()] {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				return nil
			}
			if parsers.Detect(p) != parsers.Unknown {
				add(p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
