import { describe, expect, it } from 'vitest';
import { UsageError } from '../../cli/errors.js';
import { titleFromClassName, toClassName, toErrorCode, validateClassName, validateErrorCode } from '../../cli/catalog/names.js';

function usageErrorOf(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('expected a UsageError, but nothing was thrown');
}

describe('toClassName', () => {
  it.each([
    ['PaymentDeclined', 'PaymentDeclinedError'],
    ['PaymentDeclinedError', 'PaymentDeclinedError'],
    ['payment-declined', 'PaymentDeclinedError'],
    ['payment_declined', 'PaymentDeclinedError'],
    ['PAYMENT_DECLINED', 'PaymentDeclinedError'],
    ['paymentDeclined', 'PaymentDeclinedError'],
    ['  QuotaExceeded  ', 'QuotaExceededError'],
    ['HTTPTimeout', 'HTTPTimeoutError'],
    ['Card2Expired', 'Card2ExpiredError'],
  ])('%s → %s', (input, expected) => {
    expect(toClassName(input)).toBe(expected);
  });

  it.each(['', '../../Evil', 'Foo/Bar', 'Foo\\Bar', '1Bad', 'Café', 'App', 'Error', 'Pay.ment'])('refuses %j with a one-line UsageError', (input) => {
    const error = usageErrorOf(() => toClassName(input));
    expect(error.message).not.toContain('\n');
  });
});

describe('validateClassName', () => {
  it.each(['PaymentDeclinedError', 'NotFoundError', 'OAuth2FailedError', 'X9Error'])('accepts %s', (name) => {
    expect(() => validateClassName(name)).not.toThrow();
  });

  it.each([
    ['', /empty/],
    ['../../Evil', /path/],
    ['Foo/Bar', /path/],
    ['1Bad', /start with a letter/],
    ['class', /keyword/],
    ['Error', /keyword, a built-in/],
    ['AppError', /already uses|built-in/],
    ['TypeError', /built-in/],
    ['ValueError', /built-in/],
    ['TimeoutError', /built-in/],
    ['None', /keyword/],
    ['Straße', /"ß" is not allowed/],
    ['Foo-BarError', /"-" is not allowed/],
    ['Foo BarError', /" " is not allowed/],
    ['paymentError', /uppercase/],
    ['PaymentDeclined', /end in "Error"/],
  ])('refuses %j (%s) in one line', (name, reason) => {
    const error = usageErrorOf(() => validateClassName(name));
    expect(error.message).toMatch(reason);
    expect(error.message).toContain(JSON.stringify(name));
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('names a character outside the Basic Multilingual Plane whole, not half of it', () => {
    expect(usageErrorOf(() => validateClassName('💥BoomError')).message).toBe(
      'invalid error name "💥BoomError": "💥" is not allowed — use ASCII letters and digits only, like PaymentDeclined',
    );
  });

  it('echoes an over-long name shortened, with its length', () => {
    const message = usageErrorOf(() => validateClassName(`${'A'.repeat(10_000)}Error`)).message;
    expect(message).toBe(`invalid error name "${'A'.repeat(40)}"… (10,005 characters): it is longer than 100 characters`);
  });
});

describe('codes and titles', () => {
  it.each([
    ['PaymentDeclinedError', 'PAYMENT_DECLINED'],
    ['NotFoundError', 'NOT_FOUND'],
    ['HTTPTimeoutError', 'HTTP_TIMEOUT'],
    ['Card2ExpiredError', 'CARD2_EXPIRED'],
  ])('toErrorCode(%s) = %s', (name, code) => {
    expect(toErrorCode(name)).toBe(code);
  });

  it.each([
    ['NotFoundError', 'Not Found'],
    ['DependencyUnavailableError', 'Dependency Unavailable'],
    ['HTTPTimeoutError', 'HTTP Timeout'],
  ])('titleFromClassName(%s) = %s', (name, title) => {
    expect(titleFromClassName(name)).toBe(title);
  });

  it.each(['NOT_FOUND', 'A', 'HTTP2_DOWN'])('accepts the code %s', (code) => {
    expect(() => validateErrorCode(code)).not.toThrow();
  });

  it.each(['not_found', 'NOT__FOUND', '_NOT_FOUND', 'NOT_FOUND_', '2FA_FAILED', 'NOT-FOUND', ''])('refuses the code %j in one line', (code) => {
    const error = usageErrorOf(() => validateErrorCode(code));
    expect(error.message).toMatch(/UPPER_SNAKE_CASE/);
    expect(error.message).not.toContain('\n');
  });
});
