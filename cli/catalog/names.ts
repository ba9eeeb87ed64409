import { UsageError } from '../errors.js';
import { RESERVED_NAMES } from './reserved-names.js';

const CLASS_NAME_PATTERN = /^[A-Z][A-Za-z0-9]*Error$/;
const ERROR_CODE_PATTERN = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
const MAX_NAME_LENGTH = 100;
const EXAMPLE = 'PaymentDeclined';

/**
 * Turns what a user typed (`PaymentDeclined`, `payment-declined`, `PAYMENT_DECLINED`) into the
 * class name the catalog stores (`PaymentDeclinedError`). Anything that is not a plain name
 * (paths, punctuation, non-ASCII) is refused rather than cleaned up, so a typo never silently
 * becomes a different class.
 */
export function toClassName(input: string): string {
  const trimmed = input.trim();
  if (!/^[A-Za-z0-9_\- ]*$/.test(trimmed)) {
    validateClassName(trimmed);
  }
  const words = trimmed.split(/[\s_-]+/).filter((word) => word.length > 0);
  const hasSeparators = words.length > 1;
  const pascal = words
    .map((word) => {
      // Shouted snake case (PAYMENT_DECLINED) reads as words; a lone acronym (HTTP) stays as typed.
      const normalized = hasSeparators && /^[A-Z0-9]+$/.test(word) ? word[0] + word.slice(1).toLowerCase() : word;
      return normalized[0].toUpperCase() + normalized.slice(1);
    })
    .join('');
  const className = pascal.length === 0 || pascal.endsWith('Error') ? pascal : `${pascal}Error`;
  validateClassName(className);
  return className;
}

/** Throws a one-line UsageError unless `name` is a usable error class name in every target language. */
/** A name as an error message shows it: quoted, and cut short when it would flood the terminal. */
export function shownName(name: string): string {
  const characters = [...name];
  if (characters.length <= SHOWN_LENGTH) return JSON.stringify(name);
  return `${JSON.stringify(characters.slice(0, SHOWN_LENGTH - 20).join(''))}… (${characters.length.toLocaleString('en-US')} characters)`;
}

const SHOWN_LENGTH = 60;

export function validateClassName(name: string): void {
  const quoted = shownName(name);
  const fail = (reason: string): never => {
    throw new UsageError(`invalid error name ${quoted}: ${reason}`);
  };
  if (name.length === 0) fail(`the name is empty — pass a name like ${EXAMPLE}`);
  if (/[/\\]|\.\./.test(name)) fail(`it looks like a path — pass a class name like ${EXAMPLE}`);
  if (/^[0-9]/.test(name)) fail(`it must start with a letter, like ${EXAMPLE}`);
  // By code point: `💥` is one character, not two halves of one.
  const invalid = /[^A-Za-z0-9]/u.exec(name);
  if (invalid) {
    fail(`${JSON.stringify(invalid[0])} is not allowed — use ASCII letters and digits only, like ${EXAMPLE}`);
  }
  if (name.length > MAX_NAME_LENGTH) fail(`it is longer than ${MAX_NAME_LENGTH} characters`);
  if (RESERVED_NAMES.has(name)) {
    fail('it is a keyword, a built-in or a name the kit already uses in JavaScript, TypeScript or Python — choose a more specific name');
  }
  if (!/^[A-Z]/.test(name)) fail(`it must start with an uppercase letter, like ${EXAMPLE}Error`);
  if (!CLASS_NAME_PATTERN.test(name)) fail(`a class name must end in "Error", like ${name}Error`);
}

/** `PaymentDeclinedError` → `PAYMENT_DECLINED`; acronyms stay together (`HTTPTimeoutError` → `HTTP_TIMEOUT`). */
export function toErrorCode(className: string): string {
  const code = splitWords(stripErrorSuffix(className))
    .map((word) => word.toUpperCase())
    .join('_');
  validateErrorCode(code);
  return code;
}

/** Throws a one-line UsageError unless `code` is UPPER_SNAKE_CASE. */
export function validateErrorCode(code: string): void {
  if (!ERROR_CODE_PATTERN.test(code)) {
    throw new UsageError(
      `invalid error code ${shownName(code)}: use UPPER_SNAKE_CASE letters and digits starting with a letter, like PAYMENT_DECLINED`,
    );
  }
}

/** `NotFoundError` → `Not Found`: the human title used in problem details and docs. */
export function titleFromClassName(className: string): string {
  return splitWords(stripErrorSuffix(className)).join(' ');
}

function stripErrorSuffix(className: string): string {
  return className.endsWith('Error') && className !== 'Error' ? className.slice(0, -'Error'.length) : className;
}

function splitWords(pascal: string): string[] {
  return pascal
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter((word) => word.length > 0);
}
