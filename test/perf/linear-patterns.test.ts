/**
 * Every regular expression faultline runs on a project's files takes time linear in the text. Each
 * pre-filter and detection pattern meets inputs of 100 KB built to make a backtracking pattern
 * explode (overlapping comment forms, long runs that fail at their end, starts repeated inside what
 * an earlier start already scanned), and its time is compared with a plain scan of the same text:
 * a ratio, so a slow machine slows both sides alike.
 */
import { parseExpression } from '@babel/parser';
import { describe, expect, it } from 'vitest';
import { messagePieces, renderMessage } from '../../transforms/javascript/lib/log-message.js';
import { gapEnds } from '../../transforms/javascript/lib/code-gaps.js';
import { everyThrowConstructs } from '../../transforms/javascript/lib/throw-text.js';
import { allTransforms } from '../../transforms/javascript/registry.js';
import { auditRules } from '../../transforms/javascript/rules/registry.js';

const SIZE = 100_000;

/** `unit` repeated to about SIZE characters, between `head` and `tail`. */
function repeated(head: string, unit: string, tail = ''): string {
  return head + unit.repeat(Math.ceil((SIZE - head.length - tail.length) / unit.length)) + tail;
}

/** Texts that made (or would make) a backtracking pre-filter run for seconds to hours. */
const ADVERSARIAL: Record<string, string> = {
  'a dot, then lines of // comments holding // and spaces': repeated('a.\n', '// see http://example.com // and // more . //  \n', 'x'),
  'one long line of .// repeated': repeated('', './/', '\nx'),
  'one long line of . /* repeated, never closed': repeated('', '. /* ', 'x'),
  'block comments whose */ could be read as closing later': repeated('.', ' /* a */ b */', ' x'),
  'try, then lines of // comments holding try and //': repeated('catch try\n', '// try // try { \n', 'x'),
  'try/* repeated, never closed': repeated('catch ', 'try/* ', 'x'),
  'try<!-- and --> repeated': repeated('catch ', 'try<!-- try --> ', 'x'),
  'catch( repeated, never closed': repeated('try {} ', 'catch(', 'x'),
  'catch( with colons and no any': repeated('try {} catch(', ' : ', 'x'),
  'space runs that fail at their end': repeated('try { } catch (e) { console. ', ' \t', 'x'),
  'long log-like names': repeated('log', 'A$', ''),
  'dots followed by long spaces': repeated('', '.          ', 'x'),
  'throws of long member chains': repeated('throw new a', '.a', ''),
  'throws of nested parentheses': repeated('throw new Error', '(', ''),
  'repeated throws of unterminated strings': repeated('', "throw new E('", ''),
  'escapes and error words': repeated('', '\\u Error AppError ', ''),
  'response method names that are never called': repeated('catch next ', '. json  send  body . /', 'x'),
};

function plainScan(text: string): number {
  let lines = 0;
  for (let at = 0; at < text.length; at++) if (text.charCodeAt(at) === 10) lines++;
  return lines;
}

/**
 * The fastest of several samples of ten runs each, in milliseconds: long enough samples that a
 * timer tick or another process's turn does not dominate one, and the least disturbed of them.
 */
function fastest(run: () => unknown): number {
  let best = Infinity;
  for (let round = 0; round < 7; round++) {
    const started = process.hrtime.bigint();
    for (let repeat = 0; repeat < 10; repeat++) run();
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return best;
}

/**
 * A linear pattern costs a few times a plain scan; the quadratic and exponential ones these inputs
 * were built against cost ten thousand times one and more (the log-call pre-filter took minutes on a
 * dozen comment lines); the linear ones measured here stay under fifty.
 */
const MAX_RATIO = 100;

function ratioOf(text: string, run: () => unknown): number {
  // Timer resolution and ten scans of 100 KB that V8 may finish in ~0.5 ms: floor the baseline.
  const baseline = Math.max(fastest(() => plainScan(text)), 0.5);
  return fastest(run) / baseline;
}

const modules = [...allTransforms, ...auditRules];

describe('pre-filters take time linear in the text', () => {
  for (const [name, text] of Object.entries(ADVERSARIAL)) {
    it(name, () => {
      const ratios = modules.map((module) => [module.meta.id, ratioOf(text, () => module.mightMatch(text + ' '))] as const);
      ratios.push(['everyThrowConstructs', ratioOf(text, () => everyThrowConstructs(text))]);
      ratios.push(['gap scan', ratioOf(text, () => gapEnds(text, { htmlComments: true }))]);
      const slow = ratios.filter(([, ratio]) => ratio > MAX_RATIO).map(([id, ratio]) => `${id}: ${ratio.toFixed(0)}× a plain scan`);
      expect(slow).toEqual([]);
    });
  }
});

describe('message patterns take time linear in the text', () => {
  // Runs of separators or space that stop just before the end: each start inside a run scanned it again.
  const texts = {
    'separators before the error': repeated("'", ' :;,-', "x ' + err.message"),
    'space after the text': repeated("'", ' \t', "x ' + err.message"),
  };
  for (const [name, code] of Object.entries(texts)) {
    it(name, () => {
      const node = parseExpression(code);
      const text = code.slice(1, code.indexOf("'", 1));
      const ratio = ratioOf(text, () => {
        const outcome = messagePieces(node, code, 'err');
        if (!outcome.ok) throw new Error(outcome.reason);
        renderMessage([[{ kind: 'text', value: text }], outcome.pieces, [{ kind: 'text', value: text }]], "'");
      });
      expect(ratio).toBeLessThan(MAX_RATIO);
    });
  }
});
