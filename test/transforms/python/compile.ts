/** Python's own compiler as the judge that a text is Python: every text in one python3 process. */
import { spawnSync } from 'node:child_process';

const CHECK = `
import ast, json, sys
texts = json.load(sys.stdin)
problems = {}
for name, text in texts.items():
    try:
        ast.parse(text)
    except SyntaxError as error:
        problems[name] = f"{error.msg} at {error.lineno}:{error.offset}"
print(json.dumps(problems))
`;

/** Names of the texts python3 cannot parse, with why. */
export function pythonSyntaxErrors(texts: Record<string, string>): Record<string, string> {
  const result = spawnSync('python3', ['-c', CHECK], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr || result.error?.message}`);
  return JSON.parse(result.stdout) as Record<string, string>;
}
