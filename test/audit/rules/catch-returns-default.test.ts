import * as rule from '../../../transforms/javascript/rules/catch-returns-default.js';
import { auditRuleTester, JS_FILE } from '../rule-tester.js';

auditRuleTester(rule, {
  valid: [
    'function f() { try { return load(); } catch (e) { logger.error({ err: e }, "load failed"); return null; } }',
    'function f() { try { return load(); } catch (e) { reportError(e, { operation: "f" }); return []; } }',
    'function f() { try { return load(); } catch (e) { if (e.code === "ENOENT") return null; throw e; } }',
    'function f() { try { return load(); } catch (e) { return fallback(e); } }',
    'function f() { try { return load(); } catch (e) { return cached; } }',
    'function f() { try { return load(); } catch { return defaults(); } }',
    'function f() { try { return load(); } catch (e) { lastError = e; return null; } }',
    'function f() { try { return load(); } catch (e) { return Promise.reject(e); } }',
    'function isJson(text) { try { JSON.parse(text); return true; } catch { return false; } }',
    // The try answers with a comparison: either answer can come from it, and a failure is one more "no".
    "async function isClean() { try { const { stdout } = await git(['status', '--porcelain']); return stdout === ''; } catch { return false; } }",
    'function parse(text) { try { return JSON.parse(text); } catch { return null; } }',
    "import { statSync } from 'node:fs';\nfunction mtime(p) { try { return statSync(p).mtimeMs; } catch { return 0; } }",
    'function f() { try { return load(); } catch { const g = () => { return null; }; throw new Error("x"); } }',
    'function f() {\n  try { return load(); }\n  // faultline-ignore catch-returns-default: optional\n  catch { return null; }\n}',
    'function f() {\n  try {\n    return load();\n  } catch {\n    // No config file means the defaults apply.\n    return {};\n  }\n}',
    'function f() { try { return load(); } catch { return null; /* absent is fine */ } }',
    'function f() { try { return load(); } catch (e) {} }',
    { code: 'function f() { try { return load(); } catch (e: unknown) { console.warn("no config"); return {}; } }' },
  ],
  invalid: [
    {
      name: 'return null',
      code: 'function load() {\n  try {\n    return read();\n  } catch (e) {\n    return null;\n  }\n}\n',
      findings: [{ line: 5, column: 5, endLine: 5, endColumn: 17 }],
    },
    {
      name: 'every stand-in value, reported once per catch at the first',
      code: [
        'function a() { try { return x(); } catch { return undefined; } }',
        'function b() { try { return x(); } catch { return []; } }',
        'function c() { try { return x(); } catch { return {}; } }',
        "function d() { try { return x(); } catch { return ''; } }",
        'function e() { try { return x(); } catch { return 0; } }',
        'function f() { try { return x(); } catch { return void 0; } }',
        'function g() { try { x(); } catch { return; } }',
        'function h() { try { return x(); } catch (e) { if (e) { return false; } return null; } }',
      ].join('\n'),
      filename: JS_FILE,
      findings: [
        { line: 1, column: 44 },
        { line: 2, column: 44 },
        { line: 3, column: 44 },
        { line: 4, column: 44 },
        { line: 5, column: 44 },
        { line: 6, column: 44 },
        { line: 7, column: 37 },
        { line: 8, column: 57 },
      ],
    },
    {
      name: 'TypeScript casts around the value',
      code: 'async function find(id: string): Promise<User | null> {\n  try {\n    return await db.find(id);\n  } catch (error: unknown) {\n    return null as unknown as User;\n  }\n}\n',
      findings: [{ line: 5, column: 5 }],
    },
    {
      name: 'a method, with a call that does not mention the error',
      code: 'class Store {\n  async list() {\n    try {\n      return await this.db.all();\n    } catch (e) {\n      this.cache.clear();\n      return [];\n    }\n  }\n}\n',
      findings: [{ line: 7, column: 7 }],
    },
    {
      name: 'a comment outside the block does not explain it',
      code: '// Loads the profile.\nfunction load() {\n  try { return read(); } catch { return null; } // cached later\n}\n',
      filename: JS_FILE,
      findings: [{ line: 3, column: 34 }],
    },
    {
      name: 'false is not an answer when the try does not return true',
      code: 'function save() {\n  try {\n    write();\n  } catch {\n    return false;\n  }\n  return true;\n}\n',
      findings: [{ line: 5, column: 5 }],
    },
  ],
});
