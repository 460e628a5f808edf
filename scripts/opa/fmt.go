package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"
)

// runFmt formats Rego files with OPA's formatter (Rego v1). Without --write it changes nothing;
// --diff prints a unified-style line diff; --fail (or --diff/--list) exits 2 when a file would change.
func runFmt(args []string) int {
	set := newFlagSet("fmt")
	write := set.Bool("write", false, "overwrite files with their formatted text")
	set.BoolVar(write, "w", false, "shorthand for --write")
	diff := set.Bool("diff", false, "print a diff of the changes")
	set.BoolVar(diff, "d", false, "shorthand for --diff")
	list := set.Bool("list", false, "list files whose formatting differs")
	set.BoolVar(list, "l", false, "shorthand for --list")
	failOnDiff := set.Bool("fail", false, "exit non-zero when a file would change")
	paths, err := parseArgs(set, args)
	if err != nil {
		return 2
	}
	if err := requirePaths(paths, "fmt"); err != nil {
		return fail(err)
	}
	files, err := regoFiles(paths)
	if err != nil {
		return fail(err)
	}
	changed := 0
	for _, file := range files {
		original, err := os.ReadFile(file)
		if err != nil {
			return fail(err)
		}
		formatted, err := format.SourceWithOpts(file, original, format.Opts{RegoVersion: ast.RegoV1})
		if err != nil {
			return fail(fmt.Errorf("%s: %w", file, err))
		}
		if bytes.Equal(original, formatted) {
			continue
		}
		changed++
		switch {
		case *write:
			if code := writeAtomically(file, formatted); code != 0 {
				return code
			}
		case *diff:
			fmt.Print(lineDiff(file, string(original), string(formatted)))
		case *list:
			fmt.Println(file)
		default:
			os.Stdout.Write(formatted)
		}
	}
	if changed > 0 && !*write && (*diff || *list || *failOnDiff) {
		fmt.Fprintf(os.Stderr, "error: %d file(s) not formatted: run the formatter with --write\n", changed)
		return 2
	}
	return 0
}

// regoFiles expands directories into their .rego files in a stable order.
func regoFiles(paths []string) ([]string, error) {
	var files []string
	for _, root := range paths {
		err := filepath.WalkDir(root, func(path string, entry fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !entry.IsDir() && strings.HasSuffix(path, ".rego") {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(files)
	return files, nil
}

// lineDiff prints the lines that differ, with the common prefix and suffix trimmed away, which
// is all a reviewer needs for formatter changes.
func lineDiff(file, before, after string) string {
	a, b := strings.Split(before, "\n"), strings.Split(after, "\n")
	start := 0
	for start < len(a) && start < len(b) && a[start] == b[start] {
		start++
	}
	endA, endB := len(a), len(b)
	for endA > start && endB > start && a[endA-1] == b[endB-1] {
		endA--
		endB--
	}
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s (formatted)\n@@ line %d @@\n", file, file, start+1)
	for _, line := range a[start:endA] {
		fmt.Fprintf(&out, "-%s\n", line)
	}
	for _, line := range b[start:endB] {
		fmt.Fprintf(&out, "+%s\n", line)
	}
	return out.String()
}
