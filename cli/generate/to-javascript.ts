/**
 * TypeScript to JavaScript with JSDoc types. The kit templates are written once, in
 * TypeScript; JavaScript projects get this conversion of them. Every type annotation and
 * type-only construct is removed by a text edit at its source range (so the rest of the file
 * keeps its exact formatting, comments and blank lines), and the types move into JSDoc so
 * editors and `checkJs` still see them:
 *
 * - functions, methods, constructors, and arrow functions assigned to a `const`:
 *   `@template`, `@param {T} name` (`[name]` when optional), `@returns {T}`;
 * - class fields and typed variables: `@type {T}`, plus `@private`, `@protected`, `@readonly`;
 * - classes: `@template`, `@extends {Base<T>}` when the base has type arguments, `@implements`;
 * - interfaces and type aliases: `@typedef`, with `@property` lines for object shapes;
 * - `x as T`, `<T>x` and `x satisfies T`: JSDoc casts, `/** @type {T} *\/ (x)` and `@satisfies`;
 * - type-only imports, and imports only used as types: `/** @import { A } from './a.js' *\/`.
 *
 * New tags are merged into the JSDoc block a declaration already has, keeping its text.
 * Class fields keep ES2022 semantics (a field without initializer is still defined), as
 * TypeScript emits them for ES2022 and later targets. Abstract members and `declare` fields
 * do not exist at run time and are removed like TypeScript removes them; JSDoc has no way to
 * declare them without changing run-time behaviour, so code that reaches them through the
 * base class type does not type-check under `checkJs`. Constructs with run-time meaning and no
 * JavaScript equivalent (enums, namespaces, parameter properties, decorators, `export =`)
 * are rejected with a message naming the file, the line and what to write instead.
 */
import { endOf, forEachChild, indentationAt, lineOf, parseModule, startOf, type SourceFile, type t } from './babel-ast.js';
import { ConversionError } from './conversion-error.js';
import { functionTags, hasTypedSignature, templateTags } from './function-jsdoc.js';
import { mergeJsDocLines, renderJsDoc, type JsDocTag } from './jsdoc-comment.js';
import { SourceEdits } from './source-edits.js';
import { printType } from './type-to-jsdoc.js';
import { convertExportList, convertImport, type TypeBinding } from './type-imports-to-jsdoc.js';
import { typedefLines } from './typedef-jsdoc.js';
import { valueReferences } from './value-references.js';

export function toJavaScript(source: string, fileName: string): string {
  const ast = parseModule(source, fileName, { typescript: true });
  const file: SourceFile = { fileName, text: source, comments: ast.comments ?? [] };
  return new TypeScriptToJavaScript(file, ast.program).convert();
}

const unsupported: Record<string, string> = {
  TSEnumDeclaration: 'an enum has no JavaScript equivalent; use a const object and a union type instead',
  TSModuleDeclaration: 'a namespace or module declaration has no JavaScript equivalent; use a separate module instead',
  TSImportEqualsDeclaration: '`import x = require()` has no ESM equivalent; use an import declaration instead',
  TSExportAssignment: '`export =` has no ESM equivalent; use named exports instead',
  TSNamespaceExportDeclaration: '`export as namespace` has no JavaScript equivalent; remove it',
  TSParameterProperty: 'a constructor parameter property has no JavaScript equivalent; declare the field and assign it in the constructor',
  Decorator: 'decorators are not supported by the conversion; apply the wrapper explicitly instead',
};

const typeChildren = new Set(['TSTypeAnnotation', 'TSTypeParameterDeclaration', 'TSTypeParameterInstantiation']);
const functionExpressions = new Set(['ArrowFunctionExpression', 'FunctionExpression']);
const removedModifiers = /\b(?:public|private|protected|readonly|override|declare|abstract)\b\s*/g;

type ClassMember = t.ClassProperty | t.ClassPrivateProperty | t.ClassAccessorProperty | t.ClassMethod | t.ClassPrivateMethod;

class TypeScriptToJavaScript {
  readonly #file: SourceFile;
  readonly #program: t.Program;
  readonly #edits: SourceEdits;
  readonly #parents = new WeakMap<t.Node, t.Node>();
  /** Tags to merge into each node's JSDoc block, written once everything has been visited. */
  readonly #docs = new Map<t.Node, JsDocTag[]>();
  readonly #typeImports = new Map<string, TypeBinding>();
  readonly #localTypeNames = new Set<string>();

  constructor(file: SourceFile, program: t.Program) {
    this.#file = file;
    this.#program = program;
    this.#edits = new SourceEdits(file.text);
  }

  convert(): string {
    this.#indexParents(this.#program);
    this.#collectLocalTypeNames();
    const valueNames = valueReferences(this.#program);
    for (const statement of this.#program.body) {
      if (statement.type !== 'ImportDeclaration') continue;
      for (const [name, binding] of convertImport(statement, this.#file, this.#edits, valueNames)) this.#typeImports.set(name, binding);
    }
    for (const statement of this.#program.body) {
      if (statement.type !== 'ImportDeclaration') this.#visit(statement);
    }
    this.#writeDocs();
    return this.#edits.apply();
  }

  #indexParents(node: t.Node): void {
    forEachChild(node, (child) => {
      this.#parents.set(child, node);
      this.#indexParents(child);
    });
  }

  #collectLocalTypeNames(): void {
    for (const statement of this.#program.body) {
      const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
      if (declaration?.type === 'TSInterfaceDeclaration' || declaration?.type === 'TSTypeAliasDeclaration') {
        this.#localTypeNames.add(declaration.id.name);
      }
    }
  }

  #visit(node: t.Node): void {
    const reason = unsupported[node.type];
    if (reason) this.#reject(node, reason);
    switch (node.type) {
      case 'ExportNamedDeclaration':
        if (node.declaration) this.#visit(node.declaration);
        else convertExportList(node, this.#file, this.#edits, this.#localTypeNames, this.#typeImports);
        return;
      case 'ExportAllDeclaration':
        if (node.exportKind === 'type') this.#reject(node, '`export type *` has no JavaScript equivalent; export the types by name');
        return;
      case 'TSInterfaceDeclaration':
      case 'TSTypeAliasDeclaration':
        this.#replaceWithTypedef(node);
        return;
      case 'TSDeclareFunction':
        this.#removeStatement(node);
        return;
      case 'VariableDeclaration':
      case 'ClassDeclaration':
        if (node.declare) {
          this.#removeStatement(node);
          return;
        }
        break;
      case 'VariableDeclarator':
        this.#variableDeclarator(node);
        break;
      case 'Identifier':
        if (node.optional) this.#removeMarkAfter(startOf(node) + node.name.length, '?');
        break;
      case 'TSAsExpression':
      case 'TSSatisfiesExpression': {
        const tag = node.type === 'TSAsExpression' ? 'type' : 'satisfies';
        this.#edits.insert(startOf(node), `/** @${tag} {${printType(node.typeAnnotation, this.#file)}} */ (`);
        this.#edits.replace(endOf(node.expression), endOf(node), ')');
        this.#visit(node.expression);
        return;
      }
      case 'TSTypeAssertion':
        this.#edits.replace(startOf(node), startOf(node.expression), `/** @type {${printType(node.typeAnnotation, this.#file)}} */ (`);
        this.#edits.insert(endOf(node), ')');
        this.#visit(node.expression);
        return;
      case 'TSNonNullExpression':
        this.#edits.remove(endOf(node.expression), endOf(node));
        this.#visit(node.expression);
        return;
      case 'TSInstantiationExpression':
        if (node.typeParameters) this.#edits.remove(startOf(node.typeParameters), endOf(node.typeParameters));
        this.#visit(node.expression);
        return;
      case 'TSDeclareMethod':
      case 'TSIndexSignature':
        this.#edits.removeLines(startOf(node), endOf(node));
        return;
      case 'ClassProperty':
      case 'ClassPrivateProperty':
      case 'ClassAccessorProperty':
        if (node.declare || ('abstract' in node && node.abstract)) {
          this.#edits.removeLines(startOf(node), endOf(node));
          return;
        }
        this.#classMember(node);
        break;
      case 'ClassMethod':
      case 'ClassPrivateMethod':
        this.#classMember(node);
        break;
      default:
        break;
    }
    if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') this.#classHeader(node);
    if (isFunction(node)) {
      this.#function(node);
      return;
    }
    this.#visitChildren(node);
  }

  #visitChildren(node: t.Node, skip?: (child: t.Node, key: string) => boolean): void {
    forEachChild(node, (child, key) => {
      if (skip?.(child, key) || key === 'implements') return;
      if (child.type === 'TSTypeAnnotation') this.#edits.remove(this.#spacesBefore(startOf(child)), endOf(child));
      else if (typeChildren.has(child.type)) this.#edits.remove(startOf(child), endOf(child));
      else this.#visit(child);
    });
  }

  #function(fn: t.Function): void {
    if (hasTypedSignature(fn)) {
      let owner = this.#docOwner(fn);
      if (this.#plannedTag(owner, 'type')) owner = fn;
      this.#addTags(owner, functionTags(fn, this.#file, this.#existingDoc(owner)?.value));
    }
    const [first, second] = fn.params;
    if (first?.type === 'Identifier' && first.name === 'this') {
      this.#edits.remove(startOf(first), second ? startOf(second) : endOf(first));
    }
    this.#visitChildren(fn, (child) => child === first && first.type === 'Identifier' && first.name === 'this');
  }

  #variableDeclarator(declarator: t.VariableDeclarator): void {
    const id = declarator.id;
    if (declarator.definite && id.type === 'Identifier') this.#removeMarkAfter(startOf(id) + id.name.length, '!');
    const annotation = 'typeAnnotation' in id ? id.typeAnnotation : null;
    const type = annotation?.type === 'TSTypeAnnotation' ? printType(annotation, this.#file) : constructedType(declarator.init, this.#file);
    if (type !== undefined) this.#addTags(this.#docOwner(declarator), [{ tag: 'type', type }]);
  }

  #classHeader(node: t.ClassDeclaration | t.ClassExpression): void {
    const owner = this.#docOwner(node);
    const tags = templateTags(node.typeParameters, this.#file);
    if (node.superClass && node.superTypeParameters) {
      const base = this.#file.text.slice(startOf(node.superClass), endOf(node.superClass));
      tags.push({ tag: 'extends', type: `${base}${printType(node.superTypeParameters, this.#file)}` });
    }
    for (const contract of node.implements ?? []) tags.push({ tag: 'implements', type: printType(contract, this.#file) });
    this.#addTags(owner, tags);
    const contracts = node.implements ?? [];
    const first = contracts[0];
    const last = contracts.at(-1);
    if (first && last) this.#edits.remove(this.#file.text.lastIndexOf('implements', startOf(first)), endOf(last));
    if (node.type === 'ClassDeclaration' && node.abstract) {
      const keyword = /^abstract\s+/.exec(this.#file.text.slice(startOf(node)));
      if (keyword) this.#edits.remove(startOf(node), startOf(node) + keyword[0].length);
    }
  }

  /** Access modifiers and `?`/`!` marks, with what they meant kept as tags. */
  #classMember(member: ClassMember): void {
    const computed = 'computed' in member && member.computed;
    const keyStart = computed ? this.#file.text.lastIndexOf('[', startOf(member.key)) : startOf(member.key);
    const prefix = this.#file.text.slice(startOf(member), keyStart);
    const cleaned = prefix.replace(removedModifiers, '');
    if (cleaned !== prefix) this.#edits.replace(startOf(member), keyStart, cleaned);
    if (member.optional || ('definite' in member && member.definite)) {
      const keyEnd = computed ? this.#file.text.indexOf(']', endOf(member.key)) + 1 : endOf(member.key);
      this.#removeMarkAfter(keyEnd, member.optional ? '?' : '!');
    }
    const tags: JsDocTag[] = [];
    if (member.type === 'ClassProperty' || member.type === 'ClassPrivateProperty' || member.type === 'ClassAccessorProperty') {
      const annotation = member.typeAnnotation;
      const type = annotation?.type === 'TSTypeAnnotation' ? printType(annotation, this.#file) : constructedType(member.value, this.#file);
      // An optional field may hold `undefined`, which `@type` has no `?` to say.
      if (type !== undefined) tags.push({ tag: 'type', type: member.optional ? orUndefined(type, annotation) : type });
    }
    if ('accessibility' in member && (member.accessibility === 'private' || member.accessibility === 'protected')) {
      tags.push({ tag: member.accessibility });
    }
    if ('readonly' in member && member.readonly) tags.push({ tag: 'readonly' });
    this.#addTags(member, tags);
  }

  #replaceWithTypedef(declaration: t.TSInterfaceDeclaration | t.TSTypeAliasDeclaration): void {
    const statement = this.#statementOwner(declaration);
    const existing = this.#existingDoc(statement);
    const start = existing ? startOf(existing) : startOf(statement);
    const lines = typedefLines(declaration, this.#file, existing?.value);
    this.#edits.replace(start, endOf(statement), renderJsDoc(lines, indentationAt(this.#file.text, start) ?? ''));
  }

  #removeStatement(node: t.Node): void {
    const statement = this.#statementOwner(node);
    this.#edits.removeLines(startOf(statement), endOf(statement));
  }

  /** Where the spaces before `position` on its line begin: `x : T` loses ` : T`, not just `: T`. */
  #spacesBefore(position: number): number {
    let start = position;
    while (start > 0 && (this.#file.text[start - 1] === ' ' || this.#file.text[start - 1] === '\t')) start--;
    return start;
  }

  /** Removes a one-character mark (`?` or `!`) that follows `position`, possibly after spaces. */
  #removeMarkAfter(position: number, mark: string): void {
    const offset = this.#file.text.slice(position).search(/\S/);
    const at = position + offset;
    if (offset >= 0 && this.#file.text[at] === mark) this.#edits.remove(at, at + 1);
  }

  /** The node whose JSDoc block describes `node`: the statement for declarations, the member for class members. */
  #docOwner(node: t.Node): t.Node {
    const parent = this.#parents.get(node);
    if (!parent) return node;
    if (functionExpressions.has(node.type) || node.type === 'ClassExpression') {
      if (parent.type === 'VariableDeclarator' && parent.init === node) return this.#declaratorOwner(parent) ?? node;
      const isValue = (parent.type === 'ClassProperty' || parent.type === 'ClassPrivateProperty' || parent.type === 'ObjectProperty') && parent.value === node;
      return isValue ? parent : node;
    }
    if (node.type === 'VariableDeclarator') return this.#declaratorOwner(node) ?? node;
    return this.#statementOwner(node);
  }

  #declaratorOwner(declarator: t.VariableDeclarator): t.Node | undefined {
    const declaration = this.#parents.get(declarator);
    if (declaration?.type !== 'VariableDeclaration' || declaration.declarations.length !== 1) return undefined;
    return this.#statementOwner(declaration);
  }

  #statementOwner(node: t.Node): t.Node {
    const parent = this.#parents.get(node);
    return parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration' ? parent : node;
  }

  #existingDoc(owner: t.Node): t.Comment | undefined {
    const comment = owner.leadingComments?.at(-1);
    if (!comment || comment.type !== 'CommentBlock' || !comment.value.startsWith('*')) return undefined;
    // A block separated by a blank line is a file or section comment, not this node's documentation.
    const between = this.#file.text.slice(endOf(comment), startOf(owner));
    return /^[ \t]*(?:\r?\n)?[ \t]*$/.test(between) ? comment : undefined;
  }

  #addTags(owner: t.Node, tags: readonly JsDocTag[]): void {
    if (tags.length === 0) return;
    const planned = this.#docs.get(owner) ?? [];
    planned.push(...tags);
    this.#docs.set(owner, planned);
  }

  #plannedTag(owner: t.Node, tag: string): boolean {
    return Boolean(this.#docs.get(owner)?.some((planned) => planned.tag === tag));
  }

  #writeDocs(): void {
    for (const [owner, tags] of this.#docs) {
      const existing = this.#existingDoc(owner);
      const lines = mergeJsDocLines(existing?.value, tags);
      if (existing) {
        this.#edits.replace(startOf(existing), endOf(existing), renderJsDoc(lines, indentationAt(this.#file.text, startOf(existing))));
        continue;
      }
      const indentation = indentationAt(this.#file.text, startOf(owner));
      const separator = indentation === undefined ? ' ' : `\n${indentation}`;
      this.#edits.insert(startOf(owner), renderJsDoc(lines, indentation) + separator);
    }
  }

  #reject(node: t.Node, reason: string): never {
    throw new ConversionError(`${this.#file.fileName}:${lineOf(node)}: ${reason}.`);
  }
}

function isFunction(node: t.Node): node is t.Function {
  return ['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod'].includes(node.type);
}

/** `new Map<string, number>()` has the type `Map<string, number>`: worth keeping once the type arguments go. */
function constructedType(value: t.Node | null | undefined, file: SourceFile): string | undefined {
  if (value?.type !== 'NewExpression' || !value.typeParameters) return undefined;
  const callee = value.callee;
  if (callee.type !== 'Identifier' && callee.type !== 'MemberExpression') return undefined;
  return `${file.text.slice(startOf(callee), endOf(callee))}${printType(value.typeParameters, file)}`;
}

function orUndefined(type: string, annotation: t.Node | null | undefined): string {
  const inner = annotation?.type === 'TSTypeAnnotation' ? annotation.typeAnnotation.type : '';
  const loose = inner === 'TSFunctionType' || inner === 'TSConstructorType' || inner === 'TSConditionalType';
  return loose ? `(${type}) | undefined` : `${type} | undefined`;
}
