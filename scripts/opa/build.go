package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/compile"
)

// runBuild compiles Rego to an opa bundle (tar.gz holding /policy.wasm) exactly as
// `opa build -t wasm` does, so callers unpack the same layout from either binary.
func runBuild(args []string) int {
	set := newFlagSet("build")
	target := set.String("t", "rego", "target: rego, wasm or plan")
	output := set.String("o", "bundle.tar.gz", "output bundle file")
	optimize := set.Int("O", 0, "optimization level")
	var entrypoints, ignore repeated
	set.Var(&entrypoints, "e", "entrypoint (repeatable)")
	set.Var(&ignore, "ignore", "glob of file names to skip (repeatable)")
	paths, err := parseArgs(set, args)
	if err != nil {
		return 2
	}
	if err := requirePaths(paths, "build"); err != nil {
		return fail(err)
	}
	if *target == compile.TargetWasm && len(entrypoints) == 0 {
		return fail(errors.New("build -t wasm needs at least one -e entrypoint"))
	}
	var buf bytes.Buffer
	compiler := compile.New().
		WithCapabilities(ast.CapabilitiesForThisVersion()).
		WithTarget(*target).
		WithOptimizationLevel(*optimize).
		WithEntrypoints(entrypoints...).
		WithRegoAnnotationEntrypoints(true).
		WithPaths(paths...).
		WithFilter(ignoreFilter(ignore, false)).
		WithRegoVersion(ast.RegoV1).
		WithOutput(&buf)
	if err := compiler.Build(context.Background()); err != nil {
		return fail(err)
	}
	return writeAtomically(*output, buf.Bytes())
}

// writeAtomically replaces path only once the whole content exists, so a failed build never
// leaves a truncated bundle behind.
func writeAtomically(path string, content []byte) int {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-")
	if err != nil {
		return fail(err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(content); err != nil {
		tmp.Close()
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fail(err)
	}
	return 0
}
