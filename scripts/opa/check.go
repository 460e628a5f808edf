package main

import (
	"fmt"
	"os"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/loader"
)

// runCheck parses and compiles the modules like `opa check`, --strict adding OPA's strict-mode
// checks (unused imports and variables, deprecated built-ins, shadowed input/data...).
func runCheck(args []string) int {
	set := newFlagSet("check")
	strict := set.Bool("strict", false, "enable strict-mode checks")
	set.BoolVar(strict, "S", false, "shorthand for --strict")
	var ignore repeated
	set.Var(&ignore, "ignore", "glob of file names to skip (repeatable)")
	paths, err := parseArgs(set, args)
	if err != nil {
		return 2
	}
	if err := requirePaths(paths, "check"); err != nil {
		return fail(err)
	}
	modules, err := loadModules(paths, ignore)
	if err != nil {
		return fail(err)
	}
	compiler := ast.NewCompiler().
		SetErrorLimit(0).
		WithCapabilities(ast.CapabilitiesForThisVersion()).
		WithEnablePrintStatements(true).
		WithStrict(*strict).
		WithUseTypeCheckAnnotations(true)
	compiler.Compile(modules)
	if compiler.Failed() {
		fmt.Fprintln(os.Stderr, compiler.Errors.Error())
		return 1
	}
	return 0
}

// loadModules parses every .rego file below paths as Rego v1, keeping METADATA annotations.
func loadModules(paths []string, ignore []string) (map[string]*ast.Module, error) {
	result, err := loader.NewFileLoader().
		WithRegoVersion(ast.RegoV1).
		WithProcessAnnotation(true).
		WithCapabilities(ast.CapabilitiesForThisVersion()).
		Filtered(paths, ignoreFilter(ignore, true))
	if err != nil {
		return nil, err
	}
	modules := make(map[string]*ast.Module, len(result.Modules))
	for _, module := range result.Modules {
		modules[module.Name] = module.Parsed
	}
	return modules, nil
}
