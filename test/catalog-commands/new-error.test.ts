import { describe, expect, it } from 'vitest';
import { UsageError } from '../../cli/errors.js';
import { buildErrorEntry, parseHttpStatus, suggestedFields } from '../../cli/catalog/new-error.js';
import { defaultCatalog } from '../catalog/fixtures.js';

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError, but nothing was thrown');
}

describe('suggestedFields', () => {
  it.each([
    [400, 'validation', false, 'warning'],
    [402, 'client', false, 'warning'],
    [404, 'not-found', false, 'warning'],
    [429, 'rate-limit', true, 'warning'],
    [500, 'internal', false, 'error'],
    [503, 'dependency', true, 'error'],
    [504, 'timeout', true, 'error'],
    [507, 'internal', false, 'error'],
  ] as const)('status %i → category %s, retryable %s, severity %s', (status, category, retryable, severity) => {
    const fields = suggestedFields('PaymentDeclinedError', 'PAYMENT_DECLINED', status);
    expect(fields).toMatchObject({ category, retryable, severity });
  });

  it('derives a readable public message from the name, keeping acronyms', () => {
    expect(suggestedFields('PaymentDeclinedError', 'PAYMENT_DECLINED', 402).message).toBe('Payment declined.');
    expect(suggestedFields('HTTPUpstreamError', 'HTTP_UPSTREAM', 502).message).toBe('HTTP upstream. Please try again later.');
  });
});

describe('buildErrorEntry', () => {
  it('adds the Error suffix, derives the code and fills the rest from the status, in catalog key order', () => {
    const entry = buildErrorEntry(defaultCatalog(), { name: 'PaymentDeclined', status: 402 });
    expect(entry).toEqual({
      name: 'PaymentDeclinedError',
      code: 'PAYMENT_DECLINED',
      status: 402,
      category: 'client',
      retryable: false,
      severity: 'warning',
      message: 'Payment declined.',
      description: expect.stringContaining('PAYMENT_DECLINED') as unknown as string,
    });
    expect(Object.keys(entry)).toEqual(['name', 'code', 'status', 'category', 'retryable', 'severity', 'message', 'description']);
  });

  it('keeps every value given explicitly', () => {
    const entry = buildErrorEntry(defaultCatalog(), {
      name: 'QuotaExceededError',
      code: 'QUOTA_EXCEEDED',
      status: 429,
      category: 'quota',
      retryable: false,
      severity: 'info',
      message: 'You have used your quota for today.',
      description: 'The tenant used up its daily quota.',
    });
    expect(entry).toMatchObject({ code: 'QUOTA_EXCEEDED', status: 429, category: 'quota', retryable: false, severity: 'info' });
  });

  it('uses status 500 when none is given', () => {
    expect(buildErrorEntry(defaultCatalog(), { name: 'LedgerCorrupt' })).toMatchObject({ status: 500, severity: 'error', category: 'internal' });
  });

  it.each([
    [{ name: '../../Evil' }, /looks like a path/],
    [{ name: 'Foo/Bar' }, /looks like a path/],
    [{ name: '1Bad' }, /start with a letter/],
    [{ name: 'class' }, /keyword/],
    [{ name: '' }, /empty/],
    [{ name: 'Type' }, /built-in/],
    [{ name: 'NotFound' }, /NotFoundError is already in faultline\.catalog\.json \(code NOT_FOUND\)/],
    [{ name: 'Missing', code: 'NOT_FOUND' }, /the code NOT_FOUND is already used by NotFoundError/],
    [{ name: 'Missing', code: 'not_found' }, /UPPER_SNAKE_CASE/],
    [{ name: 'Missing', status: 302 }, /400 to 599/],
    [{ name: 'Missing', category: 'Payments' }, /kebab-case/],
    [{ name: 'Missing', message: 'two\nlines' }, /single line/],
    [{ name: 'Missing', message: '   ' }, /message is empty/],
    [{ name: 'Missing', description: '' }, /description is empty/],
  ])('refuses %j in one line', (input, reason) => {
    const message = refusal(() => buildErrorEntry(defaultCatalog(), input));
    expect(message).toMatch(reason);
    expect(message).not.toContain('\n');
  });
});

describe('parseHttpStatus', () => {
  it('reads a whole number in range', () => {
    expect(parseHttpStatus('402')).toBe(402);
  });

  it.each(['abc', '4O2', '402.5', '', '600', '-400'])('refuses %j', (text) => {
    expect(refusal(() => parseHttpStatus(text))).toContain(JSON.stringify(text));
  });
});
