import { describe, expect, it } from 'vitest';
import { pythonCompileProblems } from '../../../cli/migrate/python/compile-check.js';
import { parsesAsPython, loadPythonParser } from '../../../transforms/python/lib/parser.js';

describe("migrate's compile check of rewritten Python", () => {
  it('rejects what parses but Python does not compile, and judges only files the machine can compile before', async () => {
    await loadPythonParser();
    const returnOutside = 'def f():\n    pass\nreturn 1\n';
    // The parser accepts it; Python's compiler does not.
    expect(parsesAsPython(returnOutside)).toBe(true);
    const problems = pythonCompileProblems([
      { key: 'a.py', before: 'x = 1\n', after: returnOutside },
      { key: 'b.py', before: 'x = 1\n', after: 'x = 2\n' },
      { key: 'legacy.py', before: 'print "python 2"\n', after: 'print "python 2"\nreturn 1\n' },
    ]);
    expect([...problems.keys()]).toEqual(['a.py']);
    expect(problems.get('a.py')).toMatch(/'return' outside function at line 3/);
  });
});
