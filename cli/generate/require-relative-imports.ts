import { endOf, parseModule, startOf, type t } from './babel-ast.js';
import { SourceEdits } from './source-edits.js';

/**
 * For an ES module (a vitest test file) that sits in a CommonJS kit: its relative imports become
 * `require` calls through `createRequire`. Importing CommonJS files with `import` under vitest
 * loads them a second time through its own module runner, so the test would see two copies of
 * every class and `instanceof` would fail; `require` shares Node's one module cache with the kit.
 */
export function requireRelativeImports(source: string, fileName: string): string {
  const ast = parseModule(source, fileName, { typescript: false });
  const edits = new SourceEdits(source);
  let lastImportEnd = -1;
  let changed = false;
  for (const statement of ast.program.body) {
    if (statement.type !== 'ImportDeclaration') continue;
    lastImportEnd = endOf(statement);
    const specifier = statement.source.value;
    if (!specifier.startsWith('.')) continue;
    edits.replace(startOf(statement), endOf(statement), `const ${bindingPattern(statement)} = require(${JSON.stringify(specifier)});`);
    changed = true;
  }
  if (!changed) return source;
  const firstImport = ast.program.body.find((s) => s.type === 'ImportDeclaration');
  edits.insert(startOf(firstImport!), "import { createRequire } from 'node:module';\n");
  edits.insert(lastImportEnd, '\nconst require = createRequire(import.meta.url);\n');
  // The requires must run after `require` exists: move them below its definition.
  return hoistRequireDefinition(edits.apply());
}

function bindingPattern(statement: t.ImportDeclaration): string {
  const namespace = statement.specifiers.find((s) => s.type === 'ImportNamespaceSpecifier');
  if (namespace) return namespace.local.name;
  const parts = statement.specifiers.map((s) => {
    if (s.type === 'ImportDefaultSpecifier') return `default: ${s.local.name}`;
    const imported = s.type === 'ImportSpecifier' ? (s.imported.type === 'Identifier' ? s.imported.name : s.imported.value) : '';
    return imported === s.local.name ? imported : `${imported}: ${s.local.name}`;
  });
  return `{ ${parts.join(', ')} }`;
}

function hoistRequireDefinition(text: string): string {
  const definition = '\nconst require = createRequire(import.meta.url);\n';
  const without = text.replace(definition, '\n');
  const firstRequire = without.search(/^const .* = require\(/m);
  if (firstRequire < 0) return text;
  return without.slice(0, firstRequire) + definition.trimStart() + without.slice(firstRequire);
}
