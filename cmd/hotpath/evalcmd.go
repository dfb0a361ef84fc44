package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/hotpath-app/hotpath/internal/eval"
)

func cmdEval(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("eval", flag.ContinueOnError)
	fl.SetOutput(stderr)
	verbose := fl.Bool("v", false, "list misses and false positives")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	dir := "internal/eval/corpus"
	if fl.NArg() > 0 {
		dir = fl.Arg(0)
	}
	rep, err := eval.Run(ctx, dir)
	if err != nil {
		fmt.Fprintln(stderr, "hotpath eval:", err)
		return exitUsage
	}
	if err := rep.Write(stdout, *verbose); err != nil {
		fmt.Fprintln(stderr, "hotpath eval:", err)
		return exitUsage
	}
	if len(rep.Failures()) > 0 {
		return exitFindings
	}
	return exitOK
}
