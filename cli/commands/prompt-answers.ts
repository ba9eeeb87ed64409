/**
 * Checks for typed prompt answers, run as the user types so a bad answer is asked again in place,
 * with the reason under it, instead of failing after the last prompt.
 */
import { UsageError } from '../errors.js';
import { checkProjectRelativeDir } from '../generate/init.js';

/** A prompt's `validate`: true, or the text shown under the answer. */
export type AnswerCheck = (value: string) => true | string;

export function projectFolderAnswer(root: string, name: string): AnswerCheck {
  return (value) => {
    try {
      checkProjectRelativeDir(root, name, value.trim());
      return true;
    } catch (error) {
      if (error instanceof UsageError) return error.message;
      throw error;
    }
  };
}

/** The same rule `init` applies to --docs-base-url: empty for none, or an http(s) URL. */
export const docsBaseUrlAnswer: AnswerCheck = (value) =>
  value.trim() === '' || /^https?:\/\/\S+$/.test(value.trim()) ? true : 'give an http(s) URL (https://docs.example.com/errors), or leave it empty for none';
