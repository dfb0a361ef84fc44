package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/hotpath-app/hotpath/parsers"
)

func cmdTree(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("tree", flag.ContinueOnError)
	fl.SetOutput(stderr)
	all := fl.Bool("all", false, "include anonymous nodes (keywords, punctuation)")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if fl.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: hotpath tree [-all] FILE")
		return exitUsage
	}
	path := fl.Arg(0)
	src, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(stderr, "hotpath:", err)
		return exitUsage
	}
	p := parsers.NewParser(parsers.Options{})
	defer p.Close()
	f, err := p.Parse(ctx, path, src)
	if err != nil {
		fmt.Fprintln(stderr, "hotpath:", err)
		return exitUsage
	}
	if err := parsers.Dump(stdout, f.Root(), !*all); err != nil {
		fmt.Fprintln(stderr, "hotpath:", err)
		return exitUsage
	}
	return exitOK
}
