package report

import (
	"encoding/json"
	"io"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/hotpath-app/hotpath/internal/engine"
	"github.com/hotpath-app/hotpath/rules"
)

// SARIF writes a SARIF 2.1.0 log suited to GitHub code scanning: one run,
// every rule described (with its documentation as help), results with
// partial fingerprints so alerts keep their identity when code moves,
// suppressed findings as results with an in-source suppression, and skipped
// files as tool notifications.
func SARIF(w io.Writer, res *engine.Result) error {
	run := sarif.NewRunWithInformationURI("hotpath", "https://github.com/hotpath-app/hotpath")
	run.Tool.Driver.WithVersion(Version())
	for _, r := range rules.All {
		run.AddRule(r.ID).
			WithName(sarifName(r.ID)).
			WithShortDescription(sarif.NewMultiformatMessageString().WithText(r.Title)).
			WithFullDescription(sarif.NewMultiformatMessageString().WithText(r.Title)).
			WithHelpURI(r.DocURL()).
			WithHelp(sarif.NewMultiformatMessageString().WithText(r.Title + ". See " + r.DocURL()).WithMarkdown(r.Doc)).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(level(r.Severity))).
			WithProperties(sarif.NewPropertyBag().WithTags([]string{"performance"}).Add("precision", "high"))
	}
	run.AddRule(rules.InvalidSuppression).
		WithName("InvalidSuppression").
		WithShortDescription(sarif.NewMultiformatMessageString().WithText("malformed hotpath-ignore comment")).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel("warning"))

	add := func(f rules.Finding, suppressed bool) {
		r := run.CreateResultForRule(f.Rule).
			WithLevel(level(f.Severity)).
			WithMessage(sarif.NewTextMessage(f.Message)).
			AddLocation(location(f.Path, f.Line, f.Column, f.EndLine, f.EndColumn, ""))
		if f.Fingerprint != "" {
			r.WithPartialFingerprints(map[string]string{"hotpath/v1": f.Fingerprint})
		}
		for i, rel := range f.Related {
			r.AddRelatedLocation(location(f.Path, rel.Line, rel.Column, 0, 0, rel.Message).WithID(i + 1))
		}
		if suppressed {
			r.AddSuppression(sarif.NewSuppression().WithKind("inSource").WithStatus("accepted"))
		}
	}
	for _, f := range res.Findings {
		add(f, false)
	}
	for _, f := range res.Suppressed {
		add(f, true)
	}
	inv := sarif.NewInvocation().WithExecutionSuccessful(true)
	for _, s := range res.Skipped {
		msg := "skipped: " + s.Reason
		if s.Detail != "" {
			msg += " (" + s.Detail + ")"
		}
		inv.AddToolExecutionNotification(sarif.NewNotification().WithLevel("note").
			WithMessage(sarif.NewTextMessage(msg)).AddLocation(location(s.Path, 0, 0, 0, 0, "")))
	}
	run.AddInvocation(inv)
	if run.Results == nil {
		run.Results = []*sarif.Result{}
	}
	report := sarif.NewReport().AddRun(run)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(report)
}

func location(path string, line, col, endLine, endCol int, msg string) *sarif.Location {
	al := sarif.NewArtifactLocation().WithURI(sarifURI(path))
	if !filepath.IsAbs(path) {
		al.WithURIBaseID("%SRCROOT%")
	}
	pl := sarif.NewPhysicalLocation().WithArtifactLocation(al)
	if line > 0 {
		region := sarif.NewRegion().WithStartLine(line)
		if col > 0 {
			region.WithStartColumn(col)
		}
		if endLine > 0 {
			region.WithEndLine(endLine)
		}
		if endCol > 0 {
			region.WithEndColumn(endCol)
		}
		pl.WithRegion(region)
	}
	loc := sarif.NewLocationWithPhysicalLocation(pl)
	if msg != "" {
		loc.WithMessage(sarif.NewTextMessage(msg))
	}
	return loc
}

// sarifURI turns a path into a URI reference: relative paths stay relative
// (resolved against %SRCROOT%), absolute ones become file:// URIs.
func sarifURI(path string) string {
	p := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		return "file://" + p
	}
	return strings.TrimPrefix(p, "./")
}

func level(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Notice:
		return "note"
	}
	return "warning"
}

// sarifName turns query-in-loop into QueryInLoop, SARIF's convention for
// the human-readable rule name.
func sarifName(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}
