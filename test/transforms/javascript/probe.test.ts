import type { CallExpression, CatchClause, File, Node } from '@babel/types';
import { describe, expect, it } from 'vitest';
import { catchIntent, isEmptyBlockDirective } from '../../../transforms/javascript/lib/intent.js';
import { parseSource } from '../../../transforms/javascript/lib/parse.js';
import { narrowableProbe, probeOfCatch, probeOfPromiseCatch, probeScopeOf } from '../../../transforms/javascript/lib/probe.js';
import { walk } from '../../../transforms/javascript/lib/walk.js';

function firstCatch(source: string): { ast: File; clause: CatchClause; parent: Node | undefined } {
  const ast = parseSource(source, '/p/a.ts');
  let found: { clause: CatchClause; parent: Node | undefined } | undefined;
  walk(ast, (node, ancestors) => {
    if (node.type === 'CatchClause' && found === undefined) found = { clause: node, parent: ancestors[ancestors.length - 1] };
  });
  if (found === undefined) throw new Error('no catch clause in test source');
  return { ast, ...found };
}

function catchProbe(source: string) {
  const { ast, clause, parent } = firstCatch(source);
  return probeOfCatch(clause, parent, probeScopeOf(ast));
}

function promiseProbe(source: string) {
  const ast = parseSource(source, '/p/a.ts');
  let call: CallExpression | undefined;
  walk(ast, (node) => {
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.callee.property.type === 'Identifier' && node.callee.property.name === 'catch') call ??= node;
  });
  if (call === undefined) throw new Error('no .catch call in test source');
  return probeOfPromiseCatch(call, probeScopeOf(ast));
}

describe('probes guarded by a try block', () => {
  it.each([
    ["import fs from 'fs'; try { await fs.promises.stat(f); } catch {}", 'existence', ['ENOENT', 'ENOTDIR']],
    ["import { stat } from 'node:fs/promises'; try { const s = await stat(f); if (s.isFile()) found.push(f); } catch {}", 'existence', ['ENOENT', 'ENOTDIR']],
    ["const fs = require('fs'); try { fs.accessSync(dir, fs.constants.W_OK); } catch {}", 'existence', ['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM']],
    ["const { existsSync } = require('fs'); try { ok = existsSync(p); } catch {}", 'existence', ['ENOENT', 'ENOTDIR']],
    ["try { require.resolve('typescript'); } catch {}", 'optional-module', ['MODULE_NOT_FOUND', 'ERR_MODULE_NOT_FOUND']],
    ["try { pnp = require('pnpapi'); } catch {}", 'optional-module', ['MODULE_NOT_FOUND', 'ERR_MODULE_NOT_FOUND']],
    ["try { mod = await import('shiki'); } catch {}", 'optional-module', ['MODULE_NOT_FOUND', 'ERR_MODULE_NOT_FOUND']],
    ['try { data = JSON.parse(text); } catch {}', 'parse', []],
    ['try { host = new URL(link).hostname; } catch {}', 'parse', []],
    ["const fs = require('fs'); try { fs.mkdirSync(dir); } catch {}", 'existence', ['EEXIST']],
    ["import { mkdir } from 'fs/promises'; try { await mkdir(dir, { mode: 0o700 }); } catch {}", 'existence', ['EEXIST']],
    ['try { process.kill(pid, 0); alive.add(pid); } catch {}', 'existence', ['ESRCH', 'EPERM']],
  ])('%s is a %s probe', (source, kind, codes) => {
    const probe = catchProbe(source);
    expect(probe?.kind).toBe(kind);
    expect(probe?.expected?.codes).toEqual(codes);
  });

  it('combines what several probes expect: reading an optional file and parsing it', () => {
    const probe = catchProbe("import { readFileSync } from 'fs'; try { config = JSON.parse(readFileSync(p, 'utf8')); } catch {}");
    expect(probe?.expected).toEqual({ codes: ['ENOENT', 'ENOTDIR'], classes: ['SyntaxError'] });
  });

  it('expects the class a parser throws', () => {
    expect(catchProbe('try { JSON.parse(s); } catch {}')?.expected?.classes).toEqual(['SyntaxError']);
    expect(catchProbe('try { new URL(s); } catch {}')?.expected?.classes).toEqual(['TypeError']);
  });

  it.each([
    ["import { stat } from 'fs/promises'; try { const s = await stat(p); await upload(p, s.size); } catch {}", 'other work in the block'],
    ['try { await remote.stat(); } catch {}', 'a method that shares a file system name'],
    ['try { await stat(p); } catch {}', 'a bare stat that is not imported from fs'],
    ["import fs from 'fs'; try { a(); b(); c(); d(); e(); f(); g(); h(); fs.statSync(p); } catch {}", 'a block too long to be one question'],
    ['try { save(); } catch {}', 'no probe at all'],
    ["import { mkdir } from 'fs/promises'; try { await mkdir(dir, { recursive: true }); } catch {}", 'a recursive mkdir, which never fails because the folder exists'],
    ["import fs from 'fs'; try { fs.mkdirSync(dir, { ...options }); } catch {}", 'a mkdir whose options may be recursive'],
  ])('%s is not a probe (%s)', (source) => {
    expect(catchProbe(source)).toBeUndefined();
  });

  it.each([
    ["const fs = require('fs'); try { fs.unlinkSync(path.join(dir, 'lock')); } catch {}", 'fs.unlinkSync'],
    ["import { rm } from 'node:fs/promises'; try { await rm(dir, { recursive: true }); } catch {}", 'rm'],
    ["import { closeSync } from 'fs'; try { closeSync(fd); } catch {}", 'closeSync'],
    ["const fse = require('fs-extra'); try { fse.removeSync(out); } catch {}", 'fse.removeSync'],
    ["try { process.kill(child.pid, 'SIGTERM'); } catch {}", 'process.kill'],
  ])('%s is best-effort cleanup with %s, expecting no one failure', (source, operation) => {
    expect(catchProbe(source)).toEqual({ kind: 'cleanup', operation });
  });

  it('reads a cleanup whose module is not the file system as no probe', () => {
    expect(catchProbe('try { await cache.rm(key); } catch {}')).toBeUndefined();
    expect(catchProbe("import fs from 'fs'; try { fs.unlinkSync(p); await notify(p); } catch {}")).toBeUndefined();
  });

  it('reads `try { …; return true } catch { return false }` as a yes/no test', () => {
    expect(catchProbe('function f() { try { check(); return true; } catch { return false; } }')?.kind).toBe('predicate');
    expect(catchProbe('function f() { try { check(); return true; } catch { return true; } }')).toBeUndefined();
  });
});

describe('probes a catch can be narrowed to', () => {
  const narrowable = (source: string) => {
    const { ast, parent } = firstCatch(source);
    if (parent?.type !== 'TryStatement') throw new Error('no try statement in test source');
    return narrowableProbe(parent, probeScopeOf(ast));
  };

  it.each([
    ["import fs from 'fs'; try { s = fs.statSync(p).isDirectory(); } catch {}", ['ENOENT', 'ENOTDIR'], []],
    ["import { readFileSync } from 'fs'; try { const pkg = JSON.parse(readFileSync(p, 'utf8')); name = pkg.name.replace(/^@/, '').split('/')[0]; } catch {}", ['ENOENT', 'ENOTDIR'], ['SyntaxError']],
    ["try { mod = require('optional-dep'); } catch {}", ['MODULE_NOT_FOUND', 'ERR_MODULE_NOT_FOUND'], []],
    ["import fs from 'fs'; try { fs.mkdirSync(path.join(root, 'cache')); } catch {}", ['EEXIST'], []],
  ])('%s expects %j and %j', (source, codes, classes) => {
    expect(narrowable(source)?.expected).toEqual({ codes, classes });
  });

  it.each([
    ["try { user = require('os').userInfo().username; } catch {}", 'a call into a built-in module, which is always there'],
    ["try { X = require('node:crypto').X509Certificate; } catch {}", 'a built-in module read'],
    ["try { const m = require('optional-dep'); m.setup(); } catch {}", "a call into the loaded module's code"],
    ["import fs from 'fs'; try { const t = fs.readFileSync(p, 'utf8'); v = t.match(re)[1]; } catch {}", 'a read from a match that can find nothing'],
    ['try { v = JSON.parse(text); } catch {}', 'JSON.parse of text, which fails only as expected'],
    ['try { u = new URL(link); } catch {}', 'new URL, which fails only as expected'],
    ["import fs from 'fs'; try { c = YAML.parse(fs.readFileSync(p, 'utf8')); } catch {}", 'a YAML parser, whose error class is its own'],
    ["import fs from 'fs'; try { fs.unlinkSync(p); } catch {}", 'a cleanup, whose every failure is ignored on purpose'],
    ["import fs from 'fs'; try { const t = fs.readFileSync(p, 'utf8'); fs.unlinkSync(p); } catch {}", 'a read and a cleanup'],
  ])('%s is not narrowed (%s)', (source) => {
    expect(narrowable(source)).toBeUndefined();
  });
});

describe('probes ending in a promise catch', () => {
  it.each([
    ["import { access } from 'node:fs/promises'; access(p).then(() => true).catch(() => false);", 'predicate'],
    ['isReachable(url).then(() => true).catch(() => false);', 'predicate'],
    ["import fs from 'fs'; fs.promises.stat(p).catch(() => null);", 'existence'],
    ["import('chokidar').catch(() => undefined);", 'optional-module'],
  ])('%s is a %s', (source, kind) => {
    expect(promiseProbe(source)?.kind).toBe(kind);
  });

  it.each(['load().catch(() => null);', 'load().then(() => true).catch(() => true);', 'save().then(() => done()).catch(() => false);'])('%s is not a probe', (source) => {
    expect(promiseProbe(source)).toBeUndefined();
  });
});

describe('catch intent', () => {
  const intentOf = (source: string): string | undefined => {
    const { ast, clause, parent } = firstCatch(source);
    return catchIntent(clause, parent, ast, source, probeScopeOf(ast));
  };

  it.each([
    ['try { a(); } catch (_e) {}', 'named to be ignored'],
    ['try { a(); } catch (_) {}', 'named to be ignored'],
    ['try { a(); } catch (ignored) {}', 'named to be ignored'],
    ['try { a(); } catch (ignoredError) {}', 'named to be ignored'],
    ['try {\n  a();\n  // eslint-disable-next-line no-empty\n} catch (e) {}', 'eslint-disable-next-line no-empty'],
    ['try { a(); } catch (e) {} // eslint-disable-line', 'eslint-disable-line'],
    ['/* eslint-disable no-empty */\ntry { a(); } catch (e) {}', 'eslint-disable no-empty'],
    ['try { a(); } catch (e) {} // biome-ignore lint/suspicious/noEmptyBlockStatements: fine', 'biome-ignore'],
    ['try {\n  a();\n} /* istanbul ignore next */ catch (e) {}', 'istanbul ignore'],
    ['try { a(); }\n// a missing cache is fine\ncatch (e) {}', 'comment explains'],
    ['try { a(); } catch (e) { /* optional */ }', 'comment explains'],
  ])('%s is deliberate', (source, reason) => {
    expect(intentOf(source)).toContain(reason);
  });

  it.each([
    'try { a(); } catch (e) {}',
    'try { a(); } catch (error) {}',
    'try {\n  // eslint-disable-next-line @typescript-eslint/no-floating-promises\n  a();\n} catch (e) {}',
    '// load the cache\n\nfunction f() {\n  try { a(); } catch (e) {}\n}',
  ])('%s is not marked', (source) => {
    expect(intentOf(source)).toBeUndefined();
  });

  it('recognises directives for empty blocks only', () => {
    expect(isEmptyBlockDirective({ value: ' eslint-disable-next-line no-empty' })).toBe(true);
    expect(isEmptyBlockDirective({ value: ' eslint-disable-next-line no-empty -- closing twice is fine' })).toBe(true);
    expect(isEmptyBlockDirective({ value: ' eslint-disable-line no-console, no-empty' })).toBe(true);
    expect(isEmptyBlockDirective({ value: ' eslint-disable-next-line no-console' })).toBe(false);
    expect(isEmptyBlockDirective({ value: ' a plain comment' })).toBe(false);
  });
});

describe('what a probe answers', () => {
  it('includes values read from the answer, pure built-ins and printing', () => {
    const source = [
      "import fs from 'node:fs';",
      'try {',
      "  const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));",
      "  if (typeof pkg.packageManager === 'string') {",
      "    const [name, version] = pkg.packageManager.replace(/^\\^/, '').split('@');",
      '    if (Number.parseInt(version) > 1) agent = name;',
      "    else console.warn('unknown package manager', name);",
      '  }',
      '} catch {}',
    ].join('\n');
    expect(catchProbe(source)?.kind).toBe('parse');
  });

  it('stops at a call on something else', () => {
    const source = "import fs from 'node:fs';\ntry {\n  const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));\n  install(pkg.name);\n} catch {}";
    expect(catchProbe(source)).toBeUndefined();
  });

  it('reads a handler returning a yes/no chain as answering yes', () => {
    expect(promiseProbe('write(tmp).then(() => { mkdir(dir); return rename(tmp, file).then(() => true).catch(() => false); }).catch(() => false);')?.kind).toBe('predicate');
  });
});
