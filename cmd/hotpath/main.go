// Command hotpath finds backend performance problems in TypeScript,
// JavaScript and Go code: locally (hotpath scan) and as a GitHub App that
// reviews pull requests (hotpath serve, hotpath worker).
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit statuses.
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
)

const usage = `hotpath finds hidden backend performance problems in TypeScript, JavaScript and Go.

Usage:
  hotpath scan [flags] [paths...]     analyse files and directories
  hotpath rules [rule-id]             list the rules, or print one rule's documentation
  hotpath config validate [file]      check a .github/hotpath.yml file
  hotpath config schema               print the config file's JSON Schema
  hotpath serve                       run the GitHub App webhook server and workers
  hotpath worker                      run only the review workers
  hotpath eval [-v] [dir]             precision and recall on the labelled corpus
  hotpath tree [-all] FILE            print a file's syntax tree (for rule authors)

Run 'hotpath <command> -h' for a command's flags.
`

// run is main without the process: testable, returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "scan":
		return cmdScan(ctx, args[1:], stdout, stderr)
	case "rules":
		return cmdRules(ctx, args[1:], stdout, stderr)
	case "config":
		return cmdConfig(ctx, args[1:], stdout, stderr)
	case "tree":
		return cmdTree(ctx, args[1:], stdout, stderr)
	case "eval":
		return cmdEval(ctx, args[1:], stdout, stderr)
	case "serve":
		return cmdServe(ctx, args[1:], stdout, stderr)
	case "worker":
		return cmdWorker(ctx, args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "hotpath: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}
