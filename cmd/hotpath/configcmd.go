package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/hotpath-app/hotpath/internal/config"
)

func cmdConfig(_ context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: hotpath config validate [file] | hotpath config schema")
		return exitUsage
	}
	switch args[0] {
	case "schema":
		stdout.Write(config.Schema)
		return exitOK
	case "validate":
		path := config.DefaultPath
		if len(args) > 1 {
			path = args[1]
		}
		if len(args) > 2 {
			fmt.Fprintln(stderr, "usage: hotpath config validate [file]")
			return exitUsage
		}
		data, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(stderr, "hotpath config: %v\n", err)
			return exitUsage
		}
		if _, err := config.Parse(data); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", path, err)
			return exitUsage
		}
		fmt.Fprintf(stdout, "%s: ok\n", path)
		return exitOK
	}
	fmt.Fprintf(stderr, "hotpath config: unknown subcommand %q (want validate or schema)\n", args[0])
	return exitUsage
}
