package main

import (
	"context"
	"errors"
	"os"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/tester"
)

// runTest runs the test_* rules of the given paths with OPA's own runner and reporters, so the
// output reads like `opa test`.
func runTest(args []string) int {
	set := newFlagSet("test")
	verbose := set.Bool("v", false, "print every test, not only failures")
	format := set.String("format", "pretty", "output format: pretty or json")
	run := set.String("run", "", "only run tests whose name matches this regular expression")
	timeout := set.Duration("timeout", 5*time.Second, "timeout for one test")
	var ignore repeated
	set.Var(&ignore, "ignore", "glob of file names to skip (repeatable)")
	paths, err := parseArgs(set, args)
	if err != nil {
		return 2
	}
	if err := requirePaths(paths, "test"); err != nil {
		return fail(err)
	}
	ctx := context.Background()
	modules, store, err := tester.LoadWithParserOptions(paths, ignoreFilter(ignore, false), ast.ParserOptions{
		RegoVersion:       ast.RegoV1,
		ProcessAnnotation: true,
	})
	if err != nil {
		return fail(err)
	}
	compiler := ast.NewCompiler().
		WithCapabilities(ast.CapabilitiesForThisVersion()).
		WithEnablePrintStatements(true).
		WithUseTypeCheckAnnotations(true)
	txn, err := store.NewTransaction(ctx, storage.WriteParams)
	if err != nil {
		return fail(err)
	}
	defer store.Abort(ctx, txn)
	runner := tester.NewRunner().
		SetCompiler(compiler).
		SetStore(store).
		SetModules(modules).
		SetDefaultRegoVersion(ast.RegoV1).
		CapturePrintOutput(true).
		EnableTracing(*verbose).
		SetTimeout(*timeout).
		Filter(*run)
	results, err := runner.RunTests(ctx, txn)
	if err != nil {
		return fail(err)
	}
	var reporter tester.Reporter = tester.PrettyReporter{Verbose: *verbose, Output: os.Stdout}
	if *format == "json" {
		reporter = tester.JSONReporter{Output: os.Stdout}
	}
	failed, ran := false, 0
	collected := make(chan *tester.Result)
	go func() {
		defer close(collected)
		for result := range results {
			ran++
			if result.Fail || result.Error != nil || result.Skip {
				// A skipped (todo_) test counts as a failure here: nothing is silently skipped.
				failed = true
			}
			collected <- result
		}
	}()
	if err := reporter.Report(collected); err != nil {
		return fail(err)
	}
	if ran == 0 {
		return fail(errors.New("no test_ rule found: a test run that tests nothing fails"))
	}
	if failed {
		return 2
	}
	return 0
}
