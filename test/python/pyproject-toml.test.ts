import { describe, expect, it } from 'vitest';
import { parseToml, tomlTable, TomlSyntaxError } from '../../cli/project/python/pyproject-toml.js';

describe('the pyproject.toml reader', () => {
  it('reads the tables, keys and values project metadata uses', () => {
    const doc = parseToml(`
# a comment
[project]
name = "order-service"  # trailing comment
"quoted key" = 'literal \\n stays'
dependencies = [
  "fastapi>=0.110",   # pinned
  'uvicorn[standard]',
]
authors = [{ name = "Ada", email = "ada@example.com" }]
version = 1.2
dynamic.readme = true

[project.optional-dependencies]
dev = ["pytest>=8", "ruff"]

[tool.pytest.ini_options]
addopts = """
-ra \\
  -q"""

[[tool.mypy.overrides]]
module = "a"
[[tool.mypy.overrides]]
module = "b"
[tool.mypy.overrides.extra]
x = "in the last one"
`);
    expect(tomlTable(doc, ['project'])).toMatchObject({
      name: 'order-service',
      'quoted key': 'literal \\n stays',
      dependencies: ['fastapi>=0.110', 'uvicorn[standard]'],
      authors: [{ name: 'Ada', email: 'ada@example.com' }],
      version: '1.2',
      dynamic: { readme: 'true' },
    });
    expect(tomlTable(doc, ['project', 'optional-dependencies'])).toEqual({ dev: ['pytest>=8', 'ruff'] });
    expect(tomlTable(doc, ['tool', 'pytest', 'ini_options'])).toEqual({ addopts: '-ra -q' });
    expect(tomlTable(doc, ['tool', 'mypy'])?.overrides).toEqual([{ module: 'a' }, { module: 'b', extra: { x: 'in the last one' } }]);
    expect(tomlTable(doc, ['tool', 'ruff'])).toBeUndefined();
  });

  it('decodes escapes in basic strings and keeps up to two quotes before a closing delimiter', () => {
    const doc = parseToml('a = "tab\\there \\u00e9 \\"q\\""\nb = """x""""\nc = \'\'\'raw \\d\'\'\'\n');
    expect(doc).toEqual({ a: 'tab\there é "q"', b: 'x"', c: 'raw \\d' });
  });

  it('reports malformed input with its line', () => {
    expect(() => parseToml('[project]\nname = "unterminated\n')).toThrow(TomlSyntaxError);
    expect(() => parseToml('[project]\n\nname = "x" junk\n')).toThrow(/^line 3: expected the end of the line$/);
    expect(() => parseToml('a = [1, 2\nb = 3')).toThrow(/line 2/);
    expect(() => parseToml('a = "x"\n[a]\n')).toThrow(/both a value and a table/);
  });
});
