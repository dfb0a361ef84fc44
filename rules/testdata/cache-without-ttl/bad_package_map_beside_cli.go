package servecmd

import (
	"net/http"
	"os"

	"github.com/spf13/cobra"
)

// A server started by a CLI command: the handler's cache lives as long as
// the server, whatever file the command is declared in.
var pageCache = map[string][]byte{} // want "cache-without-ttl: .*package-level map `pageCache`"

func NewServeCmd() *cobra.Command {
	return &cobra.Command{
		Use: "serve",
		RunE: func(cmd *cobra.Command, args []string) error {
			return http.ListenAndServe(":8080", http.HandlerFunc(page))
		},
	}
}

func page(w http.ResponseWriter, r *http.Request) {
	b, ok := pageCache[r.URL.Path]
	if !ok {
		var err error
		b, err = os.ReadFile("pages" + r.URL.Path)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		pageCache[r.URL.Path] = b
	}
	w.Write(b)
}

var thumbCache = map[string][]byte{} // want "cache-without-ttl: .*package-level map `thumbCache`"

// Handlers declared inside the command's closure serve requests for as
// long as the server runs.
func NewThumbCmd() *cobra.Command {
	return &cobra.Command{
		Use: "thumbs",
		RunE: func(cmd *cobra.Command, args []string) error {
			mux := http.NewServeMux()
			mux.HandleFunc("/t/", func(w http.ResponseWriter, r *http.Request) {
				b, ok := thumbCache[r.URL.Path]
				if !ok {
					b, _ = os.ReadFile("thumbs" + r.URL.Path)
					thumbCache[r.URL.Path] = b
				}
				w.Write(b)
			})
			return http.ListenAndServe(":8081", mux)
		},
	}
}
