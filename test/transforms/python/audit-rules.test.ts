/**
 * Each Python rule's detection as tables, as linters test theirs: snippets it must leave alone,
 * snippets it lists for information only (a decision its author marked), and snippets it must
 * report, with the lines it reports. Fixes are tested by the fixtures.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { detectPythonSource } from '../../../cli/migrate/python/file.js';
import { loadPythonParser } from '../../../transforms/python/lib/parser.js';
import { getPythonRule } from '../../../transforms/python/registry.js';
import { pythonSyntaxErrors } from './compile.js';

beforeAll(async () => {
  await loadPythonParser();
});

interface RuleCases {
  valid: string[];
  /** Snippets whose sites are listed as info, never fixed. */
  deliberate?: string[];
  /** Snippet and the lines of its findings. */
  invalid: Array<[string, number[]]>;
}

const cases: Record<string, RuleCases> = {
  'bare-except': {
    valid: [
      'try:\n    run()\nexcept Exception:\n    log()\n',
      'try:\n    run()\nexcept:\n    rollback()\n    raise\n',
      'try:\n    run()\nexcept:  # noqa: E722\n    pass\n',
      'try:\n    run()\nexcept:  # pylint: disable=bare-except\n    pass\n',
      'try:\n    run()\n# faultline-ignore bare-except: the REPL must survive anything\nexcept:\n    pass\n',
    ],
    invalid: [
      ['try:\n    run()\nexcept:\n    pass\n', [3]],
      ['async def f():\n    try:\n        await run()\n    except:\n        return None\n', [4]],
      ['try:\n    run()\nexcept ValueError:\n    pass\nexcept:\n    if x:\n        raise\n', [5]],
    ],
  },
  'broad-except': {
    valid: [
      'try:\n    run()\nexcept ValueError:\n    pass\n',
      'try:\n    run()\nexcept Exception:\n    logger.exception("run failed")\n',
      'try:\n    run()\nexcept Exception as e:\n    cleanup()\n    raise\n',
      'try:\n    run()\nexcept Exception as e:\n    raise Failed() from e\n',
      'try:\n    run()\nexcept Exception:\n    log.error("run failed", exc_info=True)\n',
      'try:\n    run()\nexcept BaseException:  # noqa: BLE001\n    pass\n',
      'try:\n    run()\nexcept Exception as ex:  # pylint: disable=locally-disabled, broad-except\n    display(ex)\n',
    ],
    invalid: [
      ['try:\n    run()\nexcept Exception:\n    result = None\n', [3]],
      ['try:\n    run()\nexcept (OSError, Exception) as e:\n    print(e)\n', [3]],
      ['try:\n    run()\nexcept Exception as e:\n    def later():\n        raise e\n    schedule(later)\n', [3]],
      ['try:\n    run()\nexcept BaseException:\n    log.error("failed", exc_info=False)\n', [3]],
      ['try:\n    run()\nexcept BaseException as e:\n    try:\n        raise Failed() from e\n    except Failed as failure:\n        value = failure\n', [3]],
    ],
  },
  'except-pass': {
    valid: [
      'try:\n    os.remove(path)\nexcept FileNotFoundError:\n    pass\n',
      'with contextlib.suppress(Exception):\n    run()\n',
      'try:\n    run()\nexcept Exception:\n    pass  # noqa: S110\n',
    ],
    deliberate: [
      'try:\n    run()\nexcept Exception:\n    # Best effort: the cache is rebuilt on the next start.\n    pass\n',
      'try:\n    run()\nexcept Exception:\n    pass  # telemetry must never break a request\n',
      'try:\n    run()\nexcept Exception as _ignored:\n    pass\n',
      'try:\n    # the metrics host may be missing in development\n    send(metrics)\nexcept Exception:\n    pass\n',
    ],
    invalid: [
      ['try:\n    run()\nexcept Exception:\n    pass\n', [3]],
      ['try:\n    run()\nexcept:\n    pass\n', [3]],
      ['class A:\n    @property\n    def size(self):\n        try:\n            return len(self.items)\n        except BaseException:\n            pass\n', [6]],
    ],
  },
  'except-continue': {
    valid: [
      'for row in rows:\n    try:\n        use(row)\n    except ValueError:\n        continue\n',
      'for row in rows:\n    try:\n        use(row)\n    except Exception as e:\n        log(e)\n        continue\n',
    ],
    deliberate: ['for row in rows:\n    try:\n        use(row)\n    except Exception:\n        # Malformed rows are counted by the importer.\n        continue\n'],
    invalid: [
      ['for row in rows:\n    try:\n        use(row)\n    except Exception:\n        continue\n', [4]],
      ['async def f(rows):\n    async for row in rows:\n        try:\n            await use(row)\n        except:\n            continue\n', [5]],
    ],
  },
  'generic-exception': {
    valid: [
      'raise ValueError("bad input")\n',
      'class Exception(BaseException):\n    pass\n\n\nraise Exception("shadowed")\n',
      'raise Exception("declined")  # noqa: TRY002\n',
    ],
    deliberate: [
      'def f(x):\n    if not isinstance(x, int):\n        raise Exception("bad value")\n',
      'match kind:\n    case "a":\n        pass\n    case _:\n        raise Exception("bad kind")\n',
      'raise Exception("this should not happen")\n',
    ],
    invalid: [
      ['raise Exception("payment declined")\n', [1]],
      ['def f():\n    raise BaseException\n', [2]],
      ['try:\n    run()\nexcept OSError as e:\n    raise Exception(f"{e}") from e\n', [4]],
    ],
  },
  'swallowed-cancellation': {
    valid: [
      'async def f():\n    try:\n        await work()\n    except asyncio.CancelledError:\n        await cleanup()\n        raise\n',
      'async def f():\n    try:\n        await work()\n    except Exception:\n        return None\n',
      'def f():\n    try:\n        work()\n    except BaseException:\n        return None\n',
      'async def f():\n    try:\n        await work()\n    except asyncio.CancelledError:\n        # The worker pool is shutting down; finishing quietly is the contract.\n        return\n',
      'async def f():\n    def sync():\n        try:\n            work()\n        except BaseException:\n            return None\n    return sync\n',
      'async def f():\n    try:\n        await work()\n    except BaseException as e:\n        log(e)\n        raise Stopped() from e\n',
    ],
    invalid: [
      ['async def f():\n    try:\n        await work()\n    except asyncio.CancelledError:\n        return None\n', [4]],
      ['from asyncio import CancelledError\n\n\nasync def f():\n    try:\n        await work()\n    except (TimeoutError, CancelledError) as e:\n        log(e)\n', [7]],
      ['class C:\n    async def f(self):\n        try:\n            await work()\n        except:\n            self.failed = True\n', [5]],
      ['async def f():\n    try:\n        await work()\n    except BaseException:\n        try:\n            raise Stopped()\n        except Stopped:\n            pass\n', [4]],
    ],
  },
  'except-returns-default': {
    valid: [
      'def get(d, k):\n    try:\n        return d[k]\n    except KeyError:\n        return None\n',
      'def f():\n    try:\n        return run()\n    except Exception:\n        logger.exception("run failed")\n        return None\n',
      'def f():\n    try:\n        return run()\n    except Exception:\n        return fallback()\n',
      'def f():\n    try:\n        return run()\n    except Exception:\n        return [1]\n',
    ],
    deliberate: [
      'def f():\n    try:\n        return run()\n    except Exception:\n        # an unreadable cache is an empty cache\n        return {}\n',
      'def f():\n    try:\n        return run()\n    except Exception as _unused:\n        return None\n',
      'def port(value):\n    try:\n        return int(value)\n    except Exception:\n        return 0\n',
      'def f():\n    try:\n        return run()\n    except Exception:  # noqa: BLE001\n        return None\n',
    ],
    invalid: [
      ['def f():\n    try:\n        return run()\n    except Exception:\n        return None\n', [4]],
      ['def f():\n    try:\n        return run()\n    except:\n        return\n', [4]],
      ['async def f():\n    try:\n        return await run()\n    except BaseException as e:\n        return []\n', [4]],
      ['def f():\n    try:\n        return run()\n    except (OSError, Exception):\n        return False\n', [4]],
      ['def f():\n    try:\n        return run()\n    except Exception:\n        return ""\n', [4]],
    ],
  },
  'broad-try-clause': {
    valid: [
      'try:\n    a()\n    b()\nexcept ValueError:\n    pass\n',
      `try:\n${'    step()\n'.repeat(10)}except ValueError:\n    pass\n`,
      `try:\n${'    step()\n'.repeat(12)}finally:\n    done()\n`,
      `try:\n${'    step()\n'.repeat(12)}except ValueError:  # pylint: disable=too-many-try-statements\n    pass\n`.replace('try:\n', 'try:  # pylint: disable=too-many-try-statements\n'),
    ],
    invalid: [[`try:\n${'    step()\n'.repeat(11)}except ValueError:\n    pass\n`, [1]]],
  },
  'gather-loses-errors': {
    valid: [
      'async def f():\n    try:\n        await asyncio.gather(a(), b())\n    except ValueError:\n        pass\n',
      'async def f():\n    results = await asyncio.gather(a(), b(), return_exceptions=True)\n    return results\n',
      'async def f():\n    await asyncio.gather(a())\n',
      'def f():\n    return asyncio.gather(a(), b())\n',
      'async def f():\n    pending = asyncio.gather(a(), b())\n    try:\n        await pending\n    except OSError:\n        pass\n',
      'async def f():\n    await gather(a(), b())\n',
    ],
    invalid: [
      ['async def f():\n    await asyncio.gather(a(), b())\n', [2]],
      ['from asyncio import gather\n\n\nasync def f(coros):\n    await gather(*coros)\n', [5]],
      ['async def f():\n    await asyncio.gather(a(), b(), return_exceptions=True)\n', [2]],
      ['def f():\n    asyncio.gather(a(), b())\n', [2]],
      ['async def f():\n    try:\n        pass\n    finally:\n        await asyncio.gather(a(), b())\n', [5]],
    ],
  },
  'task-discarded': {
    valid: [
      'task = asyncio.create_task(work())\n',
      'tasks.add(asyncio.create_task(work()))\n',
      'await asyncio.create_task(work())\n',
      'loop.create_task(work())\n',
      'from trio import create_task\ncreate_task(work())\n',
    ],
    invalid: [
      ['asyncio.create_task(work())\n', [1]],
      ['from asyncio import ensure_future as spawn\n\nasync def f():\n    spawn(work())\n', [4]],
      ['async def f():\n    asyncio.ensure_future(work())\n', [2]],
    ],
  },
  'open-without-with': {
    valid: [
      'with open(path) as handle:\n    data = handle.read()\n',
      'with open(a) as src, open(b, "w") as dst:\n    dst.write(src.read())\n',
      'with contextlib.ExitStack() as stack:\n    files = [stack.enter_context(open(p)) for p in paths]\n',
      'def open(name):\n    return name\n\nvalue = open("x")\n',
      'from webbrowser import open\nopen(url)\n',
      'image = Image.open(path)\n',
      'open(marker, "w").close()\n',
      'def reader(path):\n    return io.open(path)  # the caller closes it\n',
      'log = open(path, "a")  # pylint: disable=consider-using-with\n',
    ],
    invalid: [
      ['data = open(path).read()\n', [1]],
      ['handle = io.open(path)\ntry:\n    use(handle)\nfinally:\n    handle.close()\n', [1]],
      ['async def f():\n    scratch = tempfile.NamedTemporaryFile()\n', [2]],
    ],
  },
};

/** Rules `migrate` fixes; the others are audit-only. */
const FIXABLE = new Set(['except-pass', 'except-continue', 'swallowed-cancellation', 'generic-exception']);

for (const [id, { valid, invalid, deliberate = [] }] of Object.entries(cases)) {
  const rule = getPythonRule(id);
  describe(id, () => {
    it(FIXABLE.has(id) ? 'exists and has a fix' : 'exists and is audit-only', () => {
      expect(rule).toBeDefined();
      expect(rule?.fix === undefined).toBe(!FIXABLE.has(id));
    });

    it('has valid Python in every table', () => {
      const texts = Object.fromEntries([...valid, ...deliberate, ...invalid.map(([source]) => source)].map((source, index) => [String(index), source]));
      expect(pythonSyntaxErrors(texts)).toEqual({});
    });

    it.each(valid.map((source) => [source]))('leaves alone %j', (source) => {
      const outcome = detectPythonSource({ source, filePath: '/project/app.py', rules: [rule!] });
      expect(outcome).toMatchObject({ kind: 'findings', findings: [] });
    });

    it.each(deliberate.map((source) => [source]))('lists as deliberate %j', (source) => {
      const outcome = detectPythonSource({ source, filePath: '/project/app.py', rules: [rule!] });
      if (outcome.kind !== 'findings') throw new Error(outcome.message);
      expect(outcome.findings.length).toBeGreaterThan(0);
      for (const finding of outcome.findings) expect(finding).toMatchObject({ ruleId: id, fixable: false, severity: 'info' });
      for (const finding of outcome.findings) expect(finding.reason).toBeTruthy();
    });

    it.each(invalid)('reports %j', (source, lines) => {
      const outcome = detectPythonSource({ source, filePath: '/project/app.py', rules: [rule!] });
      if (outcome.kind !== 'findings') throw new Error(outcome.message);
      expect(outcome.findings.map((finding) => finding.line)).toEqual(lines);
      for (const finding of outcome.findings) expect(finding).toMatchObject({ ruleId: id, severity: rule!.meta.severity, ...(FIXABLE.has(id) ? {} : { fixable: false }) });
    });
  });
}
