package templates

import (
	"html/template"
	"net/http"
	"sync"
)

var (
	mu       sync.RWMutex
	tplCache = map[string]*template.Template{} // want "cache-without-ttl: .*package-level map `tplCache`.*only grows"
)

func render(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("page")
	mu.RLock()
	t, ok := tplCache[name]
	mu.RUnlock()
	if !ok {
		t = template.Must(template.ParseFiles("views/" + name + ".html"))
		mu.Lock()
		tplCache[name] = t
		mu.Unlock()
	}
	t.Execute(w, nil)
}
