/**
 * The JavaScript kit written in an older ECMAScript edition, for projects whose linter parses, or
 * whose oldest Node runs, nothing newer. Each construct newer than the edition becomes what a
 * maintainer of such a project writes by hand, as a text edit at its source range:
 *
 * - class fields (ES2022): instance fields become assignments in the constructor, after `super()`,
 *   static fields assignments after the class; a field the constructor assigns anyway just hands
 *   its JSDoc to that assignment;
 * - `a ??= b` (ES2021): `if (a === undefined || a === null) { a = b }`, and `||=`, `&&=` alike;
 *   numeric separators are dropped;
 * - `a ?? b` and `a?.b` (ES2020): explicit checks against `undefined` and `null`; a left-hand side
 *   with a call in it is read once, into the variable being declared or a new one;
 * - `catch {` (ES2019): a named binding;
 * - object spread (ES2018): `Object.assign`.
 *
 * An edit replaces only the outermost construct it finds, with the text of what is inside it, and
 * the file is read again until nothing is left to lower, so nested constructs come out lowered too.
 * Formatting is left to prettier, which runs afterwards. What has no readable older form (private
 * members, object rest, lookbehind and named groups in regular expressions, async iteration, `?.`
 * after a call) is rejected with the file and line: templates must not use it.
 */
import { endOf, forEachChild, lineOf, parseModule, patternNames, startOf, type t } from './babel-ast.js';
import { ConversionError } from './conversion-error.js';
import { SourceEdits } from './source-edits.js';

/** Editions a kit can be lowered to; the newest construct templates use is ES2022's class fields. */
export type LowerableEdition = 2017 | 2018 | 2019 | 2020 | 2021;

export function lowerSyntax(source: string, fileName: string, edition: number): string {
  if (edition >= 2022) return source;
  let text = source;
  // Each pass lowers the outermost constructs; nesting in the kit is never more than a few deep.
  for (let pass = 0; pass < 20; pass++) {
    const next = new Lowering(text, fileName, edition).run();
    if (next === text) return text;
    text = next;
  }
  throw new ConversionError(`${fileName}: lowering to ES${edition} did not settle.`);
}

const NULLISH_TESTS: Record<string, (operand: string) => string> = {
  '??=': (operand) => `${operand} === undefined || ${operand} === null`,
  '||=': (operand) => `!${operand}`,
  '&&=': (operand) => operand,
};

class Lowering {
  readonly #text: string;
  readonly #fileName: string;
  readonly #edition: number;
  readonly #edits: SourceEdits;
  readonly #parents = new WeakMap<t.Node, t.Node>();
  readonly #names = new Set<string>();
  #changed = false;

  constructor(text: string, fileName: string, edition: number) {
    this.#text = text;
    this.#fileName = fileName;
    this.#edition = edition;
    this.#edits = new SourceEdits(text);
  }

  run(): string {
    const ast = parseModule(this.#text, this.#fileName.replace(/\.[cm]?js$/, '.js'), { typescript: false });
    this.#index(ast.program);
    this.#visit(ast.program);
    return this.#changed ? this.#edits.apply() : this.#text;
  }

  #index(node: t.Node): void {
    if (node.type === 'Identifier') this.#names.add(node.name);
    forEachChild(node, (child) => {
      this.#parents.set(child, node);
      this.#index(child);
    });
  }

  /** Lowers `node` when it needs it (and then leaves its inside to the next pass), else looks inside. */
  #visit(node: t.Node): void {
    if (this.#lower(node)) {
      this.#changed = true;
      return;
    }
    forEachChild(node, (child) => this.#visit(child));
  }

  #lower(node: t.Node): boolean {
    const edition = this.#edition;
    switch (node.type) {
      case 'ClassDeclaration':
      case 'ClassExpression':
        return edition < 2022 && this.#classFields(node);
      case 'ClassPrivateProperty':
      case 'ClassPrivateMethod':
      case 'PrivateName':
        return this.#reject(node, 'private class members have no older form; use an ordinary member');
      case 'StaticBlock':
        return this.#reject(node, 'a static block has no older form; assign after the class instead');
      case 'NumericLiteral': {
        const raw = this.#source(node);
        if (edition >= 2021 || !raw.includes('_')) return false;
        this.#edits.replace(startOf(node), endOf(node), raw.replace(/_/g, ''));
        return true;
      }
      case 'AssignmentExpression':
        return edition < 2021 && node.operator in NULLISH_TESTS && this.#logicalAssignment(node);
      case 'LogicalExpression':
        return edition < 2020 && node.operator === '??' && this.#nullish(node);
      case 'OptionalMemberExpression':
      case 'OptionalCallExpression':
        return edition < 2020 && this.#optionalChain(node);
      case 'CatchClause':
        return edition < 2019 && node.param === null && this.#catchBinding(node);
      case 'ObjectExpression':
        return edition < 2018 && node.properties.some((property) => property.type === 'SpreadElement') && this.#objectSpread(node);
      case 'RestElement':
        if (edition < 2018 && this.#parents.get(node)?.type === 'ObjectPattern') {
          return this.#reject(node, `object rest is newer than ES${edition}; name the properties instead`);
        }
        return false;
      case 'ForOfStatement':
        return edition < 2018 && node.await ? this.#reject(node, `for await is newer than ES${edition}`) : false;
      case 'RegExpLiteral':
        if (edition < 2018 && (/\(\?<[=!A-Za-z]/.test(node.pattern) || /\\[pPk]\{/.test(node.pattern) || node.flags.includes('s'))) {
          return this.#reject(node, `lookbehind, named groups, \\p{…} and the s flag are newer than ES${edition}; write the pattern without them`);
        }
        return false;
      default:
        if ((node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ClassMethod' || node.type === 'ObjectMethod') && node.async && node.generator && edition < 2018) {
          return this.#reject(node, `async generators are newer than ES${edition}`);
        }
        return false;
    }
  }

  // ---- class fields -------------------------------------------------------------------------

  #classFields(node: t.ClassDeclaration | t.ClassExpression): boolean {
    const fields = node.body.body.filter((member): member is t.ClassProperty => member.type === 'ClassProperty');
    if (fields.length === 0) return false;
    const statics = fields.filter((field) => field.static);
    const instance = fields.filter((field) => !field.static);
    for (const field of fields) this.#edits.removeLines(this.#withComments(field), endOf(field));
    if (statics.length > 0) this.#staticFields(node, statics);
    if (instance.length > 0) this.#instanceFields(node, instance);
    return true;
  }

  #staticFields(node: t.ClassDeclaration | t.ClassExpression, fields: t.ClassProperty[]): void {
    if (node.type !== 'ClassDeclaration' || !node.id) this.#reject(node, 'static fields of a class expression have no older form; declare the class');
    const name = node.id.name;
    const parent = this.#parents.get(node);
    const statement = parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration' ? parent : node;
    const lines = fields.map((field) => {
      if (field.value && this.#mentions(field.value, (n) => n.type === 'ThisExpression')) {
        this.#reject(field, 'a static field that reads `this` has no older form; name the class instead');
      }
      return `${this.#docOf(field)}${name}${this.#memberKey(field)} = ${field.value ? this.#source(field.value) : 'undefined'};`;
    });
    this.#edits.insert(endOf(statement), `\n\n${lines.join('\n')}`);
  }

  #instanceFields(node: t.ClassDeclaration | t.ClassExpression, fields: t.ClassProperty[]): void {
    const constructor = node.body.body.find((member): member is t.ClassMethod => member.type === 'ClassMethod' && member.kind === 'constructor');
    const derived = node.superClass !== null && node.superClass !== undefined;
    const parameters = new Set(constructor?.params.flatMap((param) => patternNames(param)) ?? []);
    const assignedLater = new Map<string, t.Statement>();
    for (const statement of constructor?.body.body ?? []) {
      const key = thisAssignmentKey(statement);
      if (key !== undefined && !assignedLater.has(key)) assignedLater.set(key, statement);
    }
    const assignments: string[] = [];
    for (const field of fields) {
      const key = field.key.type === 'Identifier' && !field.computed ? field.key.name : undefined;
      const later = key === undefined ? undefined : assignedLater.get(key);
      if (!field.value && later) {
        // The constructor assigns it anyway: its declaration only carried the JSDoc, which moves there.
        const doc = this.#docOf(field);
        if (doc) this.#edits.insert(startOf(later), doc);
        continue;
      }
      if (field.value && this.#mentions(field.value, (n) => (n.type === 'Identifier' && parameters.has(n.name)) || (n.type === 'Identifier' && n.name === 'arguments'))) {
        this.#reject(field, 'a field whose initializer names a constructor parameter has no older form; assign it in the constructor');
      }
      assignments.push(`${this.#docOf(field)}this${this.#memberKey(field)} = ${field.value ? this.#source(field.value) : 'undefined'};`);
    }
    if (assignments.length === 0) return;
    const block = assignments.join('\n');
    if (!constructor) {
      const opening = startOf(node.body) + 1;
      this.#edits.insert(opening, derived ? `\nconstructor(...args) {\nsuper(...args);\n${block}\n}\n` : `\nconstructor() {\n${block}\n}\n`);
      return;
    }
    if (!derived) {
      this.#edits.insert(startOf(constructor.body) + 1, `\n${block}\n`);
      return;
    }
    const superCall = constructor.body.body.find(
      (statement) => statement.type === 'ExpressionStatement' && statement.expression.type === 'CallExpression' && statement.expression.callee.type === 'Super',
    );
    if (!superCall) this.#reject(constructor, 'a derived class whose constructor calls super() inside a block has no older form for its fields; assign them after super()');
    this.#edits.insert(endOf(superCall), `\n${block}`);
  }

  /** `.name`, or `[key]` for a computed or quoted key. */
  #memberKey(field: t.ClassProperty): string {
    if (field.key.type === 'Identifier' && !field.computed) return `.${field.key.name}`;
    return `[${this.#source(field.key)}]`;
  }

  /** Where a member begins once its own leading comments are counted in. */
  #withComments(node: t.Node): number {
    const first = node.leadingComments?.[0];
    return first ? startOf(first) : startOf(node);
  }

  /** A member's leading comments as text to put in front of what replaces it. */
  #docOf(node: t.Node): string {
    const comments = node.leadingComments ?? [];
    if (comments.length === 0) return '';
    return `${this.#text.slice(startOf(comments[0]!), startOf(node)).trimEnd()}\n`;
  }

  // ---- ?? and ?. --------------------------------------------------------------------------------

  #logicalAssignment(node: t.AssignmentExpression): boolean {
    const statement = this.#parents.get(node);
    if (statement?.type !== 'ExpressionStatement' || !this.#isSimple(node.left)) {
      return this.#reject(node, `\`${node.operator}\` is newer than ES${this.#edition} and only has an older form as a statement on a name or property`);
    }
    const target = this.#source(node.left);
    const test = NULLISH_TESTS[node.operator]!(this.#plain(node.left));
    this.#edits.replace(startOf(statement), endOf(statement), `if (${test}) {\n${target} = ${this.#source(node.right)};\n}`);
    return true;
  }

  #nullish(node: t.LogicalExpression): boolean {
    const operands = nullishOperands(node);
    const last = operands.at(-1)!;
    const checked = operands.slice(0, -1);
    if (checked.every((operand) => this.#isSimple(operand))) {
      const choice = checked.reduceRight(
        (otherwise, operand) => `(${this.#plain(operand)} !== undefined && ${this.#plain(operand)} !== null ? ${this.#full(operand)} : ${otherwise})`,
        this.#full(last),
      );
      this.#edits.replace(this.#start(node), endOf(node), choice);
      return true;
    }
    // A left-hand side with a call in it is read once: into the variable it initializes, or a new one.
    const parent = this.#parents.get(node);
    const declaration = parent ? this.#parents.get(parent) : undefined;
    if (
      parent?.type === 'VariableDeclarator' &&
      parent.init === node &&
      parent.id.type === 'Identifier' &&
      declaration?.type === 'VariableDeclaration' &&
      declaration.declarations.length === 1 &&
      this.#inStatementList(declaration)
    ) {
      const name = parent.id.name;
      const statement = this.#parents.get(declaration)?.type === 'ExportNamedDeclaration' ? (this.#parents.get(declaration) as t.Node) : declaration;
      // A constant stays one: the value is read into a variable of its own first (an exported `let`
      // is what import/no-mutable-exports forbids, and a reader would look for where it changes).
      if (declaration.kind === 'const' && operands.slice(1, -1).every((operand) => this.#isSimple(operand))) {
        const read = this.#freshName(`${name}Found`);
        const choice = operands.slice(1, -1).reduceRight(
          (otherwise, operand) => `(${this.#plain(operand)} !== undefined && ${this.#plain(operand)} !== null ? ${this.#full(operand)} : ${otherwise})`,
          this.#full(last),
        );
        // Above the declaration's own comments, which keep describing (and typing) the constant.
        const from = statement.leadingComments?.[0] ? startOf(statement.leadingComments[0]) : startOf(statement);
        const head = this.#text.slice(from, this.#start(node));
        this.#edits.replace(from, endOf(node), `const ${read} = ${this.#full(operands[0]!)};\n${head}${read} !== undefined && ${read} !== null ? ${read} : ${choice}`);
        return true;
      }
      const fallbacks = operands.slice(1).map((operand) => `\nif (${name} === undefined || ${name} === null) {\n${name} = ${this.#full(operand)};\n}`);
      this.#edits.replace(startOf(declaration), endOf(declaration), `let ${this.#source(parent.id)} = ${this.#full(operands[0]!)};${fallbacks.join('')}`);
      return true;
    }
    if (parent?.type === 'ReturnStatement' && this.#inStatementList(parent) && operands.slice(1, -1).every((operand) => this.#isSimple(operand))) {
      const name = this.#freshName('value');
      const choice = operands.slice(1, -1).reduceRight(
        (otherwise, operand) => `(${this.#plain(operand)} !== undefined && ${this.#plain(operand)} !== null ? ${this.#full(operand)} : ${otherwise})`,
        this.#full(last),
      );
      this.#edits.replace(
        startOf(parent),
        endOf(parent),
        `const ${name} = ${this.#full(operands[0]!)};\nreturn ${name} !== undefined && ${name} !== null ? ${name} : ${choice};`,
      );
      return true;
    }
    return this.#reject(node, `\`??\` after a call is newer than ES${this.#edition} and has an older form only in a declaration or a return; read the value into a variable first`);
  }

  #optionalChain(node: t.OptionalMemberExpression | t.OptionalCallExpression): boolean {
    const parent = this.#parents.get(node);
    // Only the outermost node of a chain is lowered; the links inside it are part of its text.
    if ((parent?.type === 'OptionalMemberExpression' && parent.object === node) || (parent?.type === 'OptionalCallExpression' && parent.callee === node)) return false;
    const link = firstOptionalLink(node);
    const base = link.type === 'OptionalMemberExpression' ? link.object : link.callee;
    if (!this.#isSimple(base)) {
      return this.#reject(node, `\`?.\` after a call is newer than ES${this.#edition}; read the value into a variable first`);
    }
    // The chain without its first `?`: what is read once the base is known to be there.
    const mark = this.#text.indexOf('?.', endOf(base));
    const after = this.#text[mark + 2] === '(' || this.#text[mark + 2] === '[' ? '' : '.';
    const reached = `${this.#full(base)}${after}${this.#text.slice(mark + 2, endOf(node))}`;
    const present = `${this.#plain(base)} !== undefined && ${this.#plain(base)} !== null`;
    if (parent?.type === 'ExpressionStatement') {
      this.#edits.replace(startOf(parent), endOf(parent), `if (${present}) {\n${reached};\n}`);
    } else if (this.#isCondition(node)) {
      this.#edits.replace(this.#start(node), endOf(node), `(${present} && ${reached})`);
    } else {
      this.#edits.replace(this.#start(node), endOf(node), `(${present} ? ${reached} : undefined)`);
    }
    return true;
  }

  /** Whether only the truth of `node`'s value counts, so that `undefined` and `false` answer alike. */
  #isCondition(node: t.Node): boolean {
    const parent = this.#parents.get(node);
    if (!parent) return false;
    if ((parent.type === 'IfStatement' || parent.type === 'WhileStatement' || parent.type === 'ConditionalExpression') && parent.test === node) return true;
    if (parent.type === 'UnaryExpression' && parent.operator === '!') return true;
    if (parent.type === 'LogicalExpression' && (parent.operator === '&&' || parent.operator === '||')) return this.#isCondition(parent);
    if (parent.type === 'ParenthesizedExpression') return this.#isCondition(parent);
    return false;
  }

  /** A name, `this`, or properties of them: reading it twice is reading the same thing. */
  #isSimple(node: t.Node): boolean {
    switch (node.type) {
      case 'Identifier':
      case 'ThisExpression':
        return true;
      case 'ParenthesizedExpression':
        return this.#isSimple(node.expression);
      case 'MemberExpression':
        return this.#isSimple(node.object) && (!node.computed || node.property.type === 'StringLiteral' || node.property.type === 'NumericLiteral' || node.property.type === 'Identifier');
      default:
        return false;
    }
  }

  /** A simple operand without the parentheses and JSDoc casts that only matter where its value is used. */
  #plain(node: t.Node): string {
    if (node.type === 'ParenthesizedExpression') return this.#plain(node.expression);
    return this.#source(node);
  }

  #inStatementList(statement: t.Node): boolean {
    const parent = this.#parents.get(statement);
    if (parent?.type === 'ExportNamedDeclaration') return true;
    return parent?.type === 'BlockStatement' || parent?.type === 'Program' || parent?.type === 'SwitchCase';
  }

  #freshName(base: string): string {
    let name = base;
    for (let n = 2; this.#names.has(name); n++) name = `${base}${n}`;
    this.#names.add(name);
    return name;
  }

  // ---- catch binding and object spread ------------------------------------------------------

  #catchBinding(node: t.CatchClause): boolean {
    const used = new Set<string>();
    this.#mentions(node.body, (n) => {
      if (n.type === 'Identifier') used.add(n.name);
      return false;
    });
    const name = ['error', 'caught', 'err'].find((candidate) => !used.has(candidate)) ?? this.#freshName('caught');
    this.#edits.insert(startOf(node) + 'catch'.length, ` (${name})`);
    return true;
  }

  #objectSpread(node: t.ObjectExpression): boolean {
    const parts: string[] = [];
    let pending: string[] = [];
    const flush = () => {
      if (pending.length > 0) parts.push(`{ ${pending.join(', ')} }`);
      pending = [];
    };
    for (const property of node.properties) {
      if (property.type === 'SpreadElement') {
        flush();
        parts.push(this.#source(property.argument));
      } else {
        pending.push(this.#source(property));
      }
    }
    flush();
    if (node.properties[0]?.type === 'SpreadElement') parts.unshift('{}');
    this.#edits.replace(startOf(node), endOf(node), `Object.assign(${parts.join(', ')})`);
    return true;
  }

  // ---- helpers ------------------------------------------------------------------------------

  #source(node: t.Node): string {
    return this.#text.slice(startOf(node), endOf(node));
  }

  /**
   * Where `node` begins, counting a JSDoc cast written in front of it (`/** @type {T} *\/ (x)`):
   * moving the expression moves its cast along, so the cast never ends up around the older form.
   */
  #start(node: t.Node): number {
    const before = this.#text.slice(0, startOf(node));
    const opening = before.lastIndexOf('/**');
    if (opening < 0 || this.#text[startOf(node)] !== '(') return startOf(node);
    const comment = before.slice(opening);
    return /^\/\*\*[^]*?@(?:type|satisfies)\b[^]*?\*\/\s*$/.test(comment) && comment.indexOf('*/') === comment.lastIndexOf('*/') ? opening : startOf(node);
  }

  /** The source of `node` with its JSDoc cast. */
  #full(node: t.Node): string {
    return this.#text.slice(this.#start(node), endOf(node));
  }

  #mentions(node: t.Node, test: (node: t.Node) => boolean): boolean {
    if (test(node)) return true;
    let found = false;
    forEachChild(node, (child) => {
      // A function of its own has its own `this` and `arguments`.
      if (!found && !(child.type === 'FunctionExpression' || child.type === 'FunctionDeclaration')) found = this.#mentions(child, test);
    });
    return found;
  }

  #reject(node: t.Node, reason: string): never {
    throw new ConversionError(`${this.#fileName}:${lineOf(node)}: ${reason}.`);
  }
}

/** `a ?? b ?? c` as [a, b, c]. */
function nullishOperands(node: t.LogicalExpression): t.Expression[] {
  const left = node.left;
  const operands = left.type === 'LogicalExpression' && left.operator === '??' ? nullishOperands(left) : [left];
  return [...operands, node.right];
}

/** The innermost link of an optional chain that is itself optional: where the first `?.` is. */
function firstOptionalLink(node: t.OptionalMemberExpression | t.OptionalCallExpression): t.OptionalMemberExpression | t.OptionalCallExpression {
  let first = node;
  let current: t.Node = node;
  while (current.type === 'OptionalMemberExpression' || current.type === 'OptionalCallExpression') {
    if (current.optional) first = current;
    current = current.type === 'OptionalMemberExpression' ? current.object : current.callee;
  }
  return first;
}

/** `name` when the statement is `this.name = …`. */
function thisAssignmentKey(statement: t.Statement): string | undefined {
  if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression' || statement.expression.operator !== '=') return undefined;
  const left = statement.expression.left;
  if (left.type !== 'MemberExpression' || left.object.type !== 'ThisExpression' || left.computed || left.property.type !== 'Identifier') return undefined;
  return left.property.name;
}
