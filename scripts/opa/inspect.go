package main

import (
	"encoding/json"
	"errors"
	"os"
	"sort"

	"github.com/open-policy-agent/opa/v1/ast"
	astJSON "github.com/open-policy-agent/opa/v1/ast/json"
)

// runInspect prints the METADATA annotations of a directory of Rego files in the JSON shape of
// `opa inspect -a --format json` ({"annotations": [...]}), so the catalog reads either binary.
func runInspect(args []string) int {
	set := newFlagSet("inspect")
	set.Bool("a", true, "list annotations (always on: the only thing this helper inspects)")
	format := set.String("format", "json", "output format (json only)")
	paths, err := parseArgs(set, args)
	if err != nil {
		return 2
	}
	if len(paths) != 1 {
		return fail(errors.New("specify exactly one path"))
	}
	if *format != "json" {
		return fail(errors.New("inspect supports --format json only"))
	}
	// Locations are what tie an annotation to its file; opa inspect -a turns them on the same way.
	astJSON.SetOptions(astJSON.Options{MarshalOptions: astJSON.MarshalOptions{
		IncludeLocation: astJSON.NodeToggle{AnnotationsRef: true},
	}})
	modules, err := loadModules(paths, nil)
	if err != nil {
		return fail(err)
	}
	names := make([]string, 0, len(modules))
	for name := range modules {
		names = append(names, name)
	}
	sort.Strings(names)
	ordered := make([]*ast.Module, 0, len(names))
	for _, name := range names {
		ordered = append(ordered, modules[name])
	}
	set2, errs := ast.BuildAnnotationSet(ordered)
	if len(errs) > 0 {
		return fail(errs)
	}
	encoder := json.NewEncoder(os.Stdout)
	encoder.SetIndent("", "  ")
	if err := encoder.Encode(map[string]any{"annotations": set2.Flatten()}); err != nil {
		return fail(err)
	}
	return 0
}
