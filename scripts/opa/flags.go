package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/open-policy-agent/opa/v1/loader"
)

// repeated collects a flag given several times (opa's -e and --ignore work that way).
type repeated []string

func (r *repeated) String() string { return strings.Join(*r, ",") }

func (r *repeated) Set(value string) error {
	*r = append(*r, value)
	return nil
}

// newFlagSet returns a flag set that reports errors instead of exiting, so each subcommand
// controls its exit code.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(os.Stderr)
	return fs
}

// parseArgs lets flags follow paths (opa's cobra parser allows both orders; Go's flag stops at
// the first positional argument).
func parseArgs(set *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := set.Parse(args); err != nil {
			return nil, err
		}
		rest := set.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// ignoreFilter skips files whose base name matches one of the globs, like opa's --ignore.
func ignoreFilter(globs []string, onlyRego bool) loader.Filter {
	return func(abspath string, info fs.FileInfo, depth int) bool {
		if onlyRego && !info.IsDir() && !strings.HasSuffix(info.Name(), ".rego") {
			return true
		}
		for _, glob := range globs {
			if loader.GlobExcludeName(glob, 1)(abspath, info, depth) {
				return true
			}
		}
		return false
	}
}

func requirePaths(paths []string, command string) error {
	if len(paths) == 0 {
		return fmt.Errorf("%s needs at least one path", command)
	}
	return nil
}
