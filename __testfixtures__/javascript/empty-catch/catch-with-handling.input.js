import { fallback } from './defaults.js';

export function parseOr(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return fallback;
  }
}
