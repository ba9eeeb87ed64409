import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDetect, runMigrate } from '../../cli/migrate/run.js';
import { runVerifiedMigrate } from '../../cli/migrate/verify/run.js';
import { getTransform } from '../../transforms/javascript/registry.js';
import type { TransformModule } from '../../transforms/types.js';
import { createProject, removeProjects } from './helpers.js';

afterAll(removeProjects);

const consoleInCatch = getTransform('console-in-catch') as TransformModule;

const util = 'class Logger {\n  info(module, ...msg) { console.log(module, ...msg); }\n  error(module, ...msg) { console.error(module, ...msg); }\n}\nexports.log = new Logger();\nexports.sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n';
const job = (i: number) => `const { log } = require('../util');\n\nasync function run${i}(task) {\n  try {\n    await task();\n  } catch (error) {\n    log.error('job${i}', error);\n  }\n}\n\nmodule.exports = { run${i} };\n`;
const relay = "async function publish(relay, event) {\n  try {\n    await relay.publish(event);\n  } catch (error) {\n    console.error('Failed to publish event', error);\n  }\n}\n\nmodule.exports = { publish };\n";

describe("a project whose code logs through a logger of its own that the catalog does not name", () => {
  it('keeps console calls in catches as they are, saying which logger the kit would bypass', async () => {
    const root = createProject({ 'src/util.js': util, 'src/jobs/a.js': job(0), 'src/jobs/b.js': job(1), 'src/jobs/c.js': job(2), 'src/notify/relay.js': relay });
    const report = await runMigrate({ cwd: root, paths: ['src'], available: [consoleInCatch] });
    expect(report.changed).toEqual([]);
    expect(readFileSync(path.join(root, 'src/notify/relay.js'), 'utf8')).toBe(relay);
    const reason = report.leftAlone.find((site) => site.path === 'src/notify/relay.js')?.reason;
    expect(reason).toContain('the project logs through its own `log` (src/util.js)');
    // audit gives the same reason.
    const audit = await runDetect({ cwd: root, paths: ['src'], available: [consoleInCatch] });
    expect(audit.findings.find((finding) => finding.path === 'src/notify/relay.js')).toMatchObject({ fixable: false, reason });
  });

  it('keeps them as they are under --verify too, beside a rewrite it keeps', async () => {
    const publishAndParse = `${relay}\nfunction parse(text) {\n  try {\n    return JSON.parse(text);\n  } catch (error) {\n    throw new Error('Not an event');\n  }\n}\n\nmodule.exports.parse = parse;\n`;
    const root = createProject({ 'src/util.js': util, 'src/jobs/a.js': job(0), 'src/jobs/b.js': job(1), 'src/jobs/c.js': job(2), 'src/notify/relay.js': publishAndParse });
    const available = [consoleInCatch, getTransform('error-cause') as TransformModule];
    const report = await runVerifiedMigrate({ cwd: root, paths: ['src'], available, verify: { command: 'node -e "process.exit(0)"' } });
    expect(report.changed.map((file) => file.path)).toEqual(['src/notify/relay.js']);
    const migrated = readFileSync(path.join(root, 'src/notify/relay.js'), 'utf8');
    expect(migrated).toContain("throw new Error('Not an event', { cause: error });");
    expect(migrated).toContain("console.error('Failed to publish event', error);");
  }, 60_000);

  it('rewrites them when the code has no logger of its own', async () => {
    const root = createProject({ 'src/util.js': util, 'src/notify/relay.js': relay });
    const report = await runMigrate({ cwd: root, paths: ['src'], available: [consoleInCatch] });
    expect(report.changed.map((file) => file.path)).toEqual(['src/notify/relay.js']);
    expect(readFileSync(path.join(root, 'src/notify/relay.js'), 'utf8')).toContain("logger.error({ err: error }, 'Failed to publish event');");
  });
});
