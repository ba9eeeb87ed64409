/**
 * Python's own compiler as the last check before rewritten Python files are written: every file in
 * one `python3` process, through `compile()`, which also rejects what a parser accepts and Python
 * does not (a `return` outside a function, a `nonlocal` without a binding). A file whose original
 * the machine's Python cannot compile either (written for another version) is judged by the parse
 * check alone; without a `python3`, so is every file.
 */
import { spawnSync } from 'node:child_process';

const CHECK = `
import json, sys
files = json.load(sys.stdin)
problems = {}
for name, (before, after) in files.items():
    try:
        compile(before, name, "exec", dont_inherit=True)
    except (SyntaxError, ValueError):
        continue
    try:
        compile(after, name, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as error:
        problems[name] = f"{getattr(error, 'msg', error)} at line {getattr(error, 'lineno', '?')}"
print(json.dumps(problems))
`;

/** Why each rewritten file would not compile, by its key; empty when all compile or no Python is there to ask. */
export function pythonCompileProblems(files: ReadonlyArray<{ key: string; before: string; after: string }>): Map<string, string> {
  const problems = new Map<string, string>();
  if (files.length === 0) return problems;
  const input = JSON.stringify(Object.fromEntries(files.map((file) => [file.key, [file.before, file.after]])));
  for (const command of ['python3', 'python']) {
    const result = spawnSync(command, ['-c', CHECK], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, windowsHide: true });
    if (result.error !== undefined || result.status !== 0) continue;
    try {
      for (const [key, problem] of Object.entries(JSON.parse(result.stdout) as Record<string, string>)) problems.set(key, problem);
    } catch {
      // An interpreter that answered something else is no judge; the parse check stands.
    }
    return problems;
  }
  return problems;
}
