package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/version"
)

// runEval evaluates a query with OPA's Go evaluator (topdown), for benchmarks beside the wasm
// path. --count repeats the evaluation on the prepared query and reports the mean on stderr.
func runEval(args []string) int {
	set := newFlagSet("eval")
	var data repeated
	set.Var(&data, "d", "policy or data path (repeatable)")
	set.Var(&data, "data", "policy or data path (repeatable)")
	inputPath := set.String("i", "", "input JSON file")
	set.StringVar(inputPath, "input", "", "input JSON file")
	format := set.String("format", "json", "output format (json only)")
	set.StringVar(format, "f", "json", "shorthand for --format")
	count := set.Int("count", 1, "evaluate this many times (benchmarks)")
	positional, err := parseArgs(set, args)
	if err != nil {
		return 2
	}
	if len(positional) != 1 {
		return fail(errors.New("eval needs exactly one query"))
	}
	if *format != "json" {
		return fail(errors.New("eval supports --format json only"))
	}
	ctx := context.Background()
	options := []func(*rego.Rego){
		rego.Query(positional[0]),
		rego.Load(data, nil),
		rego.SetRegoVersion(ast.RegoV1),
	}
	prepared, err := rego.New(options...).PrepareForEval(ctx)
	if err != nil {
		return fail(err)
	}
	var input any
	if *inputPath != "" {
		file, err := os.Open(*inputPath)
		if err != nil {
			return fail(err)
		}
		decoder := json.NewDecoder(file)
		decoder.UseNumber()
		err = decoder.Decode(&input)
		file.Close()
		if err != nil {
			return fail(fmt.Errorf("%s: %w", *inputPath, err))
		}
	}
	var results rego.ResultSet
	started := time.Now()
	for i := 0; i < *count; i++ {
		evalOptions := []rego.EvalOption{}
		if *inputPath != "" {
			evalOptions = append(evalOptions, rego.EvalInput(input))
		}
		results, err = prepared.Eval(ctx, evalOptions...)
		if err != nil {
			return fail(err)
		}
	}
	elapsed := time.Since(started)
	encoder := json.NewEncoder(os.Stdout)
	encoder.SetIndent("", "  ")
	if err := encoder.Encode(map[string]any{"result": results}); err != nil {
		return fail(err)
	}
	if *count > 1 {
		fmt.Fprintf(os.Stderr, "info: %d evaluations in %s, mean %s\n", *count, elapsed, elapsed/time.Duration(*count))
	}
	return 0
}

// runVersion prints the version line scripts parse ("Version: X"), as `opa version` does.
func runVersion(_ []string) int {
	fmt.Printf("Version: %s\n", version.Version)
	fmt.Println("Build: ecolaura opa helper (scripts/opa), built from Debian's OPA Go sources")
	return 0
}
