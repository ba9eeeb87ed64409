/**
 * A file opened outside a `with` stays open until the garbage collector finds it, and an exception
 * between `open` and `close` skips the `close`; on CPython that is a leaked descriptor, elsewhere an
 * unflushed write.
 */
import type { Finding } from '../types.js';
import { pythonFinding, withoutSuppressedPython } from './lib/findings.js';
import { bindsName } from './lib/imports.js';
import { dottedName } from './lib/nodes.js';
import type { PythonNode } from './lib/parser.js';
import type { PythonContext, PythonRuleMeta } from './types.js';

export const meta: PythonRuleMeta = {
  id: 'open-without-with',
  title: 'File opened without a context manager',
  description: 'reports open(...) outside a with statement, which leaks the file when an exception skips close()',
  changesBehaviour: false,
  severity: 'info',
  messages: {
    openWithoutWith: 'The file is opened outside a `with` statement; an exception before `close()` leaks it.',
  },
  docs: 'docs/rules/python/open-without-with.md',
  equivalents: ['SIM115', 'R1732'],
  pylintNames: ['consider-using-with'],
};

const OPENERS = new Set(['io.open', 'codecs.open', 'gzip.open', 'bz2.open', 'lzma.open', 'tarfile.open', 'tempfile.NamedTemporaryFile', 'tempfile.TemporaryFile', 'tempfile.SpooledTemporaryFile']);

export function mightMatch(source: string): boolean {
  return source.includes('open(') || source.includes('TemporaryFile(');
}

/**
 * Whether the call's file is taken care of by the code around it: a with item, an exit stack, a
 * `close()` chained on the spot (`open(p, "w").close()` creates a file), or a `return` that hands
 * the open file to the caller, whose job closing it then is.
 */
function isManaged(call: PythonNode): boolean {
  if (call.parent?.type === 'return_statement') return true;
  if (call.parent?.type === 'attribute' && call.parent.childForFieldName('attribute')?.text === 'close' && call.parent.parent?.type === 'call') return true;
  let node = call;
  let parent = node.parent;
  if (parent?.type === 'as_pattern') {
    node = parent;
    parent = node.parent;
  }
  if (parent?.type === 'with_item') return true;
  // `stack.enter_context(open(path))`
  if (parent?.type === 'argument_list') {
    const callee = parent.parent?.childForFieldName('function');
    if (callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'enter_context') return true;
  }
  return false;
}

export function detect(ctx: PythonContext): Finding[] {
  const builtinOpen = !bindsName(ctx.root, 'open');
  const findings: Finding[] = [];
  for (const call of ctx.root.descendantsOfType('call')) {
    if (call === null) continue;
    const callee = call.childForFieldName('function');
    if (callee === null) continue;
    const name = dottedName(callee);
    if (name === undefined) continue;
    if (!(name === 'open' ? builtinOpen : OPENERS.has(name))) continue;
    if (isManaged(call)) continue;
    findings.push(pythonFinding(meta, 'openWithoutWith', call, ctx, { fixable: false }));
  }
  return withoutSuppressedPython(findings, meta, ctx);
}
