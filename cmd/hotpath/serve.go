package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/hotpath-app/hotpath/internal/appconfig"
	"github.com/hotpath-app/hotpath/internal/server"
)

const serveUsage = `usage: hotpath serve [flags]

Runs the GitHub App: the webhook endpoint (POST /webhook), the review workers,
and /healthz, /readyz and /metrics. Settings come from flags or HOTPATH_*
environment variables (flags win). HOTPATH_APP_ID, a private key and
HOTPATH_WEBHOOK_SECRET are required. SIGINT or SIGTERM stops it gracefully
(a second signal stops it at once). Exit status: 0 after a graceful stop,
2 when settings are missing or invalid, 1 when it cannot start (database,
listen address) or fails.

Flags:
`

const workerUsage = `usage: hotpath worker [flags]

Runs only the review workers, taking jobs from the database the serve
processes fill (PostgreSQL for several machines). /healthz, /readyz and
/metrics are served on the listen address; -addr off serves no HTTP.
HOTPATH_APP_ID and a private key are required. SIGINT or SIGTERM stops it
gracefully (a second signal stops it at once).

Flags:
`

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return runServer(ctx, server.Serve, args, stdout, stderr)
}

func cmdWorker(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return runServer(ctx, server.Worker, args, stdout, stderr)
}

func runServer(ctx context.Context, mode server.Mode, args []string, stdout, stderr io.Writer) int {
	name := mode.String()
	amode, usage := appconfig.Serve, serveUsage
	if mode == server.Worker {
		amode, usage = appconfig.Worker, workerUsage
	}
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			fmt.Fprint(stdout, usage)
			fmt.Fprint(stdout, flagDefaults(amode))
			return exitOK
		}
	}
	settings, err := appconfig.Load(amode, args, os.Getenv)
	if err != nil {
		fmt.Fprintf(stderr, "hotpath %s: %v\n", name, err)
		return exitUsage
	}

	log := server.NewLogger(stderr, settings.LogLevel)
	srv, err := server.New(ctx, settings, server.Options{Mode: mode, Logger: log})
	if err != nil {
		log.Error("hotpath "+name+" could not start", "error", err.Error())
		return 1
	}
	// After the first SIGINT/SIGTERM has started the graceful shutdown, a
	// second one terminates the process (the default behaviour).
	stopWatch := make(chan struct{})
	defer close(stopWatch)
	go func() {
		select {
		case <-ctx.Done():
			signal.Reset(os.Interrupt, syscall.SIGTERM)
		case <-stopWatch:
		}
	}()
	if err := srv.Run(ctx); err != nil {
		log.Error("hotpath "+name+" stopped with an error", "error", err.Error())
		return 1
	}
	return exitOK
}

// flagDefaults lists appconfig's flags (it prints them with its error for
// -h).
func flagDefaults(mode appconfig.Mode) string {
	_, err := appconfig.Load(mode, []string{"-h"}, func(string) string { return "" })
	if err == nil {
		return ""
	}
	msg := err.Error()
	if i := strings.Index(msg, "\n"); i >= 0 {
		return msg[i+1:]
	}
	return ""
}
