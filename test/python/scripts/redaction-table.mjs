// Runs the shared redaction table and one log line through a generated JavaScript kit; prints JSON.
// Usage: node redaction-table.mjs <kit dir> <cases file>
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [kitDir, casesFile] = process.argv.slice(2);
const load = (name) => import(pathToFileURL(path.resolve(kitDir, name)).href);
const { redact, redactText, serializeError } = await load('redact.js');
const { createLogger } = await load('logger.js');
const { runWithContext } = await load('context.js');
const catalog = await load('catalog.js');
const cases = JSON.parse(readFileSync(casesFile, 'utf8'));

const keys = cases.keys.map(({ key, value }) => redact({ [key]: value })[key]);
const texts = cases.texts.map(({ text }) => ({ text: redactText(text), message: serializeError(new Error(text)).message }));
const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), cases.cause.fields);
const cause = serializeError(new catalog.errorClasses.INTERNAL('Could not place order', { cause: refused })).cause;

const lines = [];
const log = createLogger({ level: 'info', write: (line) => lines.push(line) });
runWithContext({ requestId: 'req-1', userId: 'user-7', operation: 'checkout' }, () => {
  log.error({ err: new catalog.errorClasses.NOT_FOUND('User 42 not found') }, 'lookup failed');
});
// Adversarial inputs of 100 KB, each timed against a scan that calls back on every character of it.
const elapsed = (fn) => {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const started = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - started));
  }
  return best;
};
const ratios = Object.fromEntries(
  Object.entries(cases.adversarial).map(([name, unit]) => {
    const text = unit.repeat(Math.ceil(100_000 / unit.length));
    return [name, elapsed(() => redactText(text)) / elapsed(() => text.replace(/[\s\S]/g, (c) => c))];
  }),
);
console.log(JSON.stringify({ keys, texts, cause, line: JSON.parse(lines[0]), ratios }));
