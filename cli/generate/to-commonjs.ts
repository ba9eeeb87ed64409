/**
 * ESM to CommonJS, written the way a person writes CommonJS by hand:
 *
 * - `import { a, b as c } from 'x'` → `const { a, b: c } = require('x');`
 * - `import * as ns from 'x'` → `const ns = require('x');`
 * - `import x from 'x'` → `const x = require('x');`, or `.default` when present for packages
 *   that may be ESM only (the rule and its reasons are in `commonjs-default-import.ts`)
 * - `export function|class|const …` → the plain declaration, and every exported name is
 *   collected into one `module.exports = { … };` at the end of the file
 * - `export { a, b as c }` → `a, c: b` in `module.exports`
 * - `export { a } from './x.js'` → `const { a } = require('./x.js');` in place, `a` in `module.exports`
 * - `export * from './x.js'` → `const x = require('./x.js');` in place, `...x` in `module.exports`
 * - `export * as ns from './x.js'` → `const ns = require('./x.js');` in place, `ns` in `module.exports`
 *
 * Every `require` is a top-level statement, where the module's own `import` was: linters that
 * keep requires at the top (`global-require`) accept it, and modules load in the order ESM loads them.
 * Specifiers are kept as written (`require('./x.js')` resolves the same file), and so are
 * comments and JSDoc. `'use strict';` is added, because ES modules always run in strict mode.
 *
 * A difference from ES module semantics that hand-written CommonJS shares: imported names are
 * copied when the `require` runs instead of being live bindings, which is invisible in a module
 * graph without cycles, which is what the kit is. An exported `let` that is reassigned is
 * exported through a getter so importers see its current value.
 *
 * `export default`, top-level `await` and `import.meta` have no CommonJS equivalent and are
 * rejected with a message naming the file, the line and what to write instead.
 */
import { endOf, forEachChild, lineOf, parseModule, patternNames, startOf, type SourceFile, type t } from './babel-ast.js';
import { defaultImportForm } from './commonjs-default-import.js';
import { ConversionError } from './conversion-error.js';
import { SourceEdits } from './source-edits.js';

export function toCommonJs(source: string, fileName: string): string {
  const ast = parseModule(source, fileName, { typescript: false });
  const file: SourceFile = { fileName, text: source, comments: ast.comments ?? [] };
  return new EsmToCommonJs(file, ast.program).convert();
}

/** One entry of the final `module.exports = { … }` object. */
type ExportEntry =
  | { kind: 'spread'; value: string }
  | { kind: 'property'; key: string; value: string }
  | { kind: 'getter'; key: string; value: string };

const reservedNames = ['require', 'module', 'exports'];

/** Words a module's file name may be but a variable may not. */
const RESERVED_WORDS = new Set([
  'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export',
  'extends', 'false', 'finally', 'for', 'function', 'if', 'implements', 'import', 'in', 'instanceof', 'interface', 'let', 'new',
  'null', 'package', 'private', 'protected', 'public', 'return', 'static', 'super', 'switch', 'this', 'throw', 'true', 'try',
  'typeof', 'var', 'void', 'while', 'with', 'yield', 'arguments', 'eval', ...reservedNames,
]);

class EsmToCommonJs {
  readonly #file: SourceFile;
  readonly #program: t.Program;
  readonly #edits: SourceEdits;
  readonly #spreads: ExportEntry[] = [];
  readonly #entries: ExportEntry[] = [];
  readonly #topLevelNames: Set<string>;
  readonly #reassigned: Set<string>;

  constructor(file: SourceFile, program: t.Program) {
    this.#file = file;
    this.#program = program;
    this.#edits = new SourceEdits(file.text);
    this.#topLevelNames = topLevelNames(program);
    this.#reassigned = reassignedNames(program);
  }

  convert(): string {
    this.#rejectUnsupported(this.#program, 0);
    for (const name of reservedNames) {
      if (this.#topLevelNames.has(name)) {
        throw new ConversionError(`${this.#file.fileName}: a top-level binding named \`${name}\` would hide CommonJS's own; rename it.`);
      }
    }
    for (const statement of this.#program.body) this.#statement(statement);
    this.#insertUseStrict();
    const body = this.#edits.apply();
    const entries = [...this.#spreads, ...this.#entries];
    if (entries.length === 0) return body;
    return `${body.trimEnd()}\n\n${renderModuleExports(entries)}\n`;
  }

  #statement(statement: t.Statement): void {
    switch (statement.type) {
      case 'ImportDeclaration':
        this.#edits.replace(startOf(statement), endOf(statement), this.#requireImport(statement));
        return;
      case 'ExportNamedDeclaration':
        if (statement.declaration) this.#exportDeclaration(statement, statement.declaration);
        else if (statement.source) this.#reexport(statement, statement.source);
        else this.#exportList(statement);
        return;
      case 'ExportAllDeclaration': {
        const moduleName = this.#moduleName(statement.source.value);
        this.#edits.replace(startOf(statement), endOf(statement), `const ${moduleName} = require(${this.#literal(statement.source)});`);
        this.#spreads.push({ kind: 'spread', value: moduleName });
        return;
      }
      case 'ExportDefaultDeclaration':
        this.#reject(statement, '`export default` has no CommonJS equivalent among named exports; export it by name instead');
      default:
        return;
    }
  }

  #requireImport(declaration: t.ImportDeclaration): string {
    const specifier = this.#literal(declaration.source);
    const required = `require(${specifier})`;
    if (declaration.specifiers.length === 0) return `${required};`;
    const lines: string[] = [];
    let defaultName: string | undefined;
    let namespaceName: string | undefined;
    const named: string[] = [];
    for (const node of declaration.specifiers) {
      if (node.type === 'ImportNamespaceSpecifier') namespaceName = node.local.name;
      else if (node.type === 'ImportDefaultSpecifier' || exportName(node.imported) === 'default') defaultName = node.local.name;
      else named.push(destructuringEntry(node.imported, node.local.name));
    }
    const interop = defaultName !== undefined && defaultImportForm(declaration.source.value) === 'interop';
    let moduleName = namespaceName;
    if (moduleName === undefined && (interop || (defaultName !== undefined && named.length > 0))) {
      moduleName = interop ? this.#freshName(`${defaultName}Module`) : defaultName;
    }
    if (moduleName !== undefined) lines.push(`const ${moduleName} = ${required};`);
    if (defaultName !== undefined && defaultName !== moduleName) {
      const value = interop ? `${moduleName}.default ?? ${moduleName}` : (moduleName ?? required);
      lines.push(`const ${defaultName} = ${value};`);
    }
    if (named.length > 0) lines.push(`const { ${named.join(', ')} } = ${moduleName ?? required};`);
    return lines.join('\n');
  }

  #exportDeclaration(statement: t.ExportNamedDeclaration, declaration: t.Declaration): void {
    this.#edits.remove(startOf(statement), startOf(declaration));
    const names =
      declaration.type === 'VariableDeclaration'
        ? declaration.declarations.flatMap((declarator) => patternNames(declarator.id))
        : 'id' in declaration && declaration.id?.type === 'Identifier'
          ? [declaration.id.name]
          : [];
    const live = declaration.type === 'VariableDeclaration' && declaration.kind !== 'const';
    for (const name of names) {
      const kind = live && this.#reassigned.has(name) ? 'getter' : 'property';
      this.#entries.push({ kind, key: name, value: name });
    }
  }

  #exportList(statement: t.ExportNamedDeclaration): void {
    for (const node of statement.specifiers) {
      if (node.type !== 'ExportSpecifier') continue;
      const exported = exportName(node.exported);
      if (exported === 'default') this.#reject(statement, '`export { x as default }` has no CommonJS equivalent among named exports; export it by name instead');
      const local = exportName(node.local);
      const kind = this.#reassigned.has(local) ? 'getter' : 'property';
      this.#entries.push({ kind, key: exported, value: local });
    }
    // The list becomes part of module.exports, so a comment about the list goes with it.
    this.#edits.removeLines(this.#ownCommentStart(statement), endOf(statement));
  }

  /**
   * Where the comments written directly above `statement` begin (each on the line before the
   * next, none before the statement above it, so a file's header is never one), or the
   * statement's own start when there are none.
   */
  #ownCommentStart(statement: t.Statement): number {
    const index = this.#program.body.indexOf(statement);
    if (index <= 0) return startOf(statement);
    const floor = endOf(this.#program.body[index - 1]!);
    const text = this.#file.text;
    let start = startOf(statement);
    const comments = this.#file.comments.filter((comment) => (comment.start ?? 0) >= floor && (comment.end ?? 0) <= start);
    for (const comment of comments.reverse()) {
      const [from, to] = [comment.start ?? 0, comment.end ?? 0];
      const ownLine = text.slice(text.lastIndexOf('\n', from - 1) + 1, from).trim() === '';
      if (!ownLine || !/^[ \t]*\r?\n[ \t]*$/.test(text.slice(to, start))) break;
      start = from;
    }
    return start;
  }

  #reexport(statement: t.ExportNamedDeclaration, source: t.StringLiteral): void {
    const required = `require(${this.#literal(source)})`;
    let moduleName: string | undefined;
    const moduleRef = (preferred?: string) => (moduleName ??= this.#moduleName(source.value, preferred));
    const destructured: string[] = [];
    for (const node of statement.specifiers) {
      if (node.type === 'ExportNamespaceSpecifier') {
        this.#entries.push({ kind: 'property', key: node.exported.name, value: moduleRef(node.exported.name) });
        continue;
      }
      if (node.type !== 'ExportSpecifier') continue;
      const imported = exportName(node.local);
      const exported = exportName(node.exported);
      if (exported === 'default') this.#reject(statement, '`export { x as default } from` has no CommonJS equivalent among named exports; export it by name instead');
      const needsOwnName = !isIdentifierName(exported) || this.#topLevelNames.has(exported);
      if (imported === 'default' || needsOwnName) {
        const value = imported === 'default' ? defaultValue(moduleRef(), source.value) : `${moduleRef()}${propertyAccess(imported)}`;
        this.#entries.push({ kind: 'property', key: exported, value });
        continue;
      }
      destructured.push(destructuringEntry(node.local, exported));
      this.#topLevelNames.add(exported);
      this.#entries.push({ kind: 'property', key: exported, value: exported });
    }
    const lines: string[] = [];
    if (moduleName !== undefined) lines.push(`const ${moduleName} = ${required};`);
    if (destructured.length > 0) lines.push(`const { ${destructured.join(', ')} } = ${moduleName ?? required};`);
    if (lines.length > 0) this.#edits.replace(startOf(statement), endOf(statement), lines.join('\n'));
    else this.#edits.removeLines(startOf(statement), endOf(statement));
  }

  /** A fresh top-level name for a required module: its file's (or folder's, for an index) in camelCase. */
  #moduleName(specifier: string, preferred?: string): string {
    const parts = specifier.split('/').filter((part) => part !== '' && part !== '.' && part !== '..');
    let base = (parts.at(-1) ?? '').replace(/\.[cm]?[jt]sx?$/, '');
    if (base === 'index' && parts.length > 1) base = parts.at(-2)!;
    const camel = base.replace(/[^A-Za-z0-9_$]+([A-Za-z0-9_$])?/g, (_, next: string | undefined) => (next ?? '').toUpperCase()).replace(/^[0-9]+/, '');
    const name = preferred ?? (isIdentifierName(camel) && !RESERVED_WORDS.has(camel) ? camel : `${camel}Module`);
    return this.#freshName(this.#topLevelNames.has(name) ? `${name}Module` : name);
  }

  /**
   * ES modules are always strict; CommonJS modules only say so with the directive. It goes
   * below the file's header (its first paragraph of comments, so a generated file's header
   * stays its first line), but above a JSDoc block that documents the first statement.
   */
  #insertUseStrict(): void {
    if (this.#program.directives.some((directive) => directive.value.value === 'use strict')) return;
    const text = this.#file.text;
    const first = this.#program.directives[0] ?? this.#program.body[0];
    const top = text.startsWith('#!') ? text.indexOf('\n') + 1 : 0;
    let headerEnd: number | undefined;
    for (const comment of this.#file.comments) {
      if (first && startOf(comment) >= startOf(first)) break;
      const gap = text.slice(headerEnd ?? top, startOf(comment));
      // The header is the first paragraph of comments: a blank line ends it.
      if (headerEnd === undefined ? !/^\s*$/.test(gap) : !/^[ \t]*\r?\n?[ \t]*$/.test(gap)) break;
      const documentsFirst = comment.type === 'CommentBlock' && comment.value.startsWith('*') && first !== undefined && !/\n[ \t]*\r?\n/.test(text.slice(endOf(comment), startOf(first)));
      if (documentsFirst) break;
      headerEnd = endOf(comment);
    }
    if (headerEnd === undefined) {
      this.#edits.insert(top, "'use strict';\n\n");
      return;
    }
    const blankLineFollows = /^[ \t]*\r?\n[ \t]*\r?\n/.test(text.slice(headerEnd));
    this.#edits.insert(headerEnd, blankLineFollows ? "\n\n'use strict';" : "\n\n'use strict';\n");
  }

  #rejectUnsupported(node: t.Node, functionDepth: number): void {
    if (node.type === 'MetaProperty' && node.meta.name === 'import') {
      this.#reject(node, '`import.meta` has no CommonJS equivalent; use `__dirname`/`__filename` through a value passed in, or keep the file an ES module');
    }
    if (functionDepth === 0 && (node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && node.await))) {
      this.#reject(node, 'top-level `await` has no CommonJS equivalent; move it into an async function');
    }
    const depth = isFunctionBoundary(node) ? functionDepth + 1 : functionDepth;
    forEachChild(node, (child) => this.#rejectUnsupported(child, depth));
  }

  #freshName(base: string): string {
    let name = base;
    for (let suffix = 2; this.#topLevelNames.has(name); suffix++) name = `${base}${suffix}`;
    this.#topLevelNames.add(name);
    return name;
  }

  #literal(node: t.StringLiteral): string {
    return this.#file.text.slice(startOf(node), endOf(node));
  }

  #reject(node: t.Node, reason: string): never {
    throw new ConversionError(`${this.#file.fileName}:${lineOf(node)}: ${reason}.`);
  }
}

function isFunctionBoundary(node: t.Node): boolean {
  return [
    'FunctionDeclaration',
    'FunctionExpression',
    'ArrowFunctionExpression',
    'ObjectMethod',
    'ClassMethod',
    'ClassPrivateMethod',
    // Class field initializers and static blocks are evaluated where `await` is not allowed anyway.
    'ClassProperty',
    'ClassPrivateProperty',
    'StaticBlock',
  ].includes(node.type);
}

function defaultValue(required: string, specifier: string): string {
  return defaultImportForm(specifier) === 'interop' ? `${required}.default ?? ${required}` : required;
}

function exportName(node: t.Identifier | t.StringLiteral): string {
  return node.type === 'Identifier' ? node.name : node.value;
}

function isIdentifierName(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name);
}

function propertyKey(name: string): string {
  return isIdentifierName(name) ? name : JSON.stringify(name);
}

function propertyAccess(name: string): string {
  return isIdentifierName(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

/** `a`, or `b: c` when the local name differs. */
function destructuringEntry(imported: t.Identifier | t.StringLiteral, local: string): string {
  const name = exportName(imported);
  return name === local ? local : `${propertyKey(name)}: ${local}`;
}

function renderModuleExports(entries: readonly ExportEntry[]): string {
  const parts = entries.map((entry) => {
    if (entry.kind === 'spread') return `...${entry.value}`;
    if (entry.kind === 'getter') return `get ${propertyKey(entry.key)}() {\n    return ${entry.value};\n  }`;
    return entry.key === entry.value ? entry.key : `${propertyKey(entry.key)}: ${entry.value}`;
  });
  const oneLine = `module.exports = { ${parts.join(', ')} };`;
  if (oneLine.length <= 80 && !oneLine.includes('\n')) return oneLine;
  return `module.exports = {\n${parts.map((part) => `  ${part},`).join('\n')}\n};`;
}

function topLevelNames(program: t.Program): Set<string> {
  const names = new Set<string>();
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (!declaration) continue;
    if (declaration.type === 'ImportDeclaration') for (const node of declaration.specifiers) names.add(node.local.name);
    if (declaration.type === 'VariableDeclaration') for (const declarator of declaration.declarations) for (const name of patternNames(declarator.id)) names.add(name);
    if ((declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && declaration.id) names.add(declaration.id.name);
  }
  return names;
}

/** Names assigned anywhere after their declaration; scopes are ignored, which can only add getters. */
function reassignedNames(program: t.Program): Set<string> {
  const names = new Set<string>();
  const visit = (node: t.Node): void => {
    if (node.type === 'AssignmentExpression') for (const name of patternNames(node.left)) names.add(name);
    if (node.type === 'UpdateExpression' && node.argument.type === 'Identifier') names.add(node.argument.name);
    if ((node.type === 'ForInStatement' || node.type === 'ForOfStatement') && node.left.type !== 'VariableDeclaration') {
      for (const name of patternNames(node.left)) names.add(name);
    }
    forEachChild(node, visit);
  };
  visit(program);
  return names;
}
