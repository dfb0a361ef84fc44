package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/hotpath-app/hotpath/rules"
)

func cmdRules(_ context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) > 1 {
		fmt.Fprintln(stderr, "usage: hotpath rules [rule-id]")
		return exitUsage
	}
	if len(args) == 1 {
		r := rules.ByID(args[0])
		if r == nil {
			fmt.Fprintf(stderr, "hotpath rules: unknown rule %q (known: %s)\n", args[0], strings.Join(rules.IDs(), ", "))
			return exitUsage
		}
		fmt.Fprint(stdout, r.Doc)
		if !strings.HasSuffix(r.Doc, "\n") {
			fmt.Fprintln(stdout)
		}
		return exitOK
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tLANGUAGES\tTITLE")
	for _, r := range rules.All {
		var langs []string
		for _, l := range r.Languages {
			langs = append(langs, l.String())
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, strings.Join(langs, ","), r.Title)
	}
	tw.Flush()
	fmt.Fprintln(stdout, "\nRun 'hotpath rules <rule-id>' for a rule's documentation.")
	return exitOK
}
