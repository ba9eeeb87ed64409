import { describe, expect, it } from 'vitest';
import { withDisableComments } from '../../cli/generate/deliberate-lint.js';

describe('lint rules the kit breaks on purpose', () => {
  const text = "export function install() {\n  const exit = (code: number) => process.exit(code);\n  console.log('x');\n}\n";

  it('get a disable comment with the reason, indented like the line', () => {
    const out = withDisableComments(text, [{ ruleId: 'n/no-process-exit', line: 2, message: "Don't use process.exit()" }]);
    expect(out.split('\n')[1]).toBe('  // eslint-disable-next-line n/no-process-exit -- ending the process after a fatal error is what these handlers are for');
    expect(out.split('\n')[2]).toBe('  const exit = (code: number) => process.exit(code);');
  });

  it("are told apart by message where the rule also guards the kit's own code", () => {
    const handler = 'export function errorHandler(error: unknown, req: Request, res: Response, _next: NextFunction): void {\n  const unused = 1;\n}\n';
    const out = withDisableComments(handler, [
      { ruleId: '@typescript-eslint/no-unused-vars', line: 1, message: "'_next' is defined but never used." },
      { ruleId: '@typescript-eslint/no-unused-vars', line: 2, message: "'unused' is assigned a value but never used." },
    ]);
    expect(out.split('\n')[0]).toBe('// eslint-disable-next-line @typescript-eslint/no-unused-vars -- Express recognises an error handler by its four parameters');
    expect(out.split('\n').slice(1).join('\n')).toBe(handler);
  });

  it("cover airbnb's choices the kit cannot follow without changing what it does, by the message that says which", () => {
    const handler = 'export function errorHandler(error, req, res, _next) {\n  for (const key of keys) use(key);\n}\n';
    const out = withDisableComments(handler, [
      { ruleId: 'no-unused-vars', line: 1, message: "'_next' is defined but never used." },
      { ruleId: 'no-restricted-syntax', line: 2, message: 'iterators/generators require regenerator-runtime, which is too heavyweight for this guide to allow them.' },
    ]);
    expect(out.split('\n')).toEqual([
      '// eslint-disable-next-line no-unused-vars -- Express recognises an error handler by its four parameters',
      'export function errorHandler(error, req, res, _next) {',
      '  // eslint-disable-next-line no-restricted-syntax -- Node runs for…of natively, no regenerator-runtime involved',
      '  for (const key of keys) use(key);',
      '}',
      '',
    ]);
    const restricted = { ruleId: 'no-restricted-syntax', line: 2, message: 'Using a for…of loop is not allowed here.' };
    const unused = { ruleId: 'no-unused-vars', line: 1, message: "'error' is defined but never used." };
    expect(withDisableComments(handler, [restricted, unused])).toBe(handler);
  });

  it('leave every other rule to be reported, not silenced', () => {
    expect(withDisableComments(text, [{ ruleId: 'no-console', line: 3, message: 'Unexpected console statement.' }])).toBe(text);
  });
});
