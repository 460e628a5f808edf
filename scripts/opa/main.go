// Command opa is the subset of the opa command line this repository needs (build -t wasm, test,
// fmt, check, inspect, eval), built from Debian's packaged OPA sources because no opa binary is
// available on our machines. Every subcommand is a thin call into OPA's own v1 packages: no
// Rego semantics live here. When a real opa 1.x is installed, the scripts use it instead.
package main

import (
	"fmt"
	"os"
)

// usageText mirrors opa's own command names so scripts can call either binary unchanged.
const usageText = `usage: opa <command> [flags] [paths...]

commands (a subset of the opa CLI, same flags where they overlap):
  build    -t wasm -e ENTRYPOINT... -o bundle.tar.gz [--ignore GLOB] PATH...
  test     [-v] [--format pretty|json] [--run REGEX] [--ignore GLOB] PATH...
  fmt      [--diff|-d] [--write|-w] [--list|-l] [--fail] PATH...
  check    [--strict] [--ignore GLOB] PATH...
  inspect  -a [--format json] PATH
  eval     -d PATH... [-i input.json] [--format json] [--count N] QUERY
  version
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usageText)
		os.Exit(2)
	}
	commands := map[string]func([]string) int{
		"build":   runBuild,
		"test":    runTest,
		"fmt":     runFmt,
		"check":   runCheck,
		"inspect": runInspect,
		"eval":    runEval,
		"version": runVersion,
	}
	command, ok := commands[os.Args[1]]
	if !ok {
		if os.Args[1] == "help" || os.Args[1] == "--help" || os.Args[1] == "-h" {
			fmt.Print(usageText)
			os.Exit(0)
		}
		fmt.Fprintf(os.Stderr, "error: unknown command %q\n%s", os.Args[1], usageText)
		os.Exit(2)
	}
	os.Exit(command(os.Args[2:]))
}

// fail prints an error the way every subcommand reports one and returns opa's exit code for it.
func fail(err error) int {
	fmt.Fprintf(os.Stderr, "error: %v\n", err)
	return 1
}
