/**
 * The pre-filters ask the same few questions of every file: ten modules start by asking whether it
 * mentions `catch`, and nine files in ten do not, so each of them searched the whole text again to
 * learn the same thing. The answers for the text asked about last are kept and shared.
 */
let lastSource: string | undefined;
const answers = new Map<string, boolean>();

/** Whether `source` contains `word` anywhere (comments and strings included): `source.includes(word)`, asked once per file. */
export function sourceHas(source: string, word: string): boolean {
  // Comparing identical strings is a pointer check; a different text ends the comparison at its first difference.
  if (source !== lastSource) {
    lastSource = source;
    answers.clear();
  }
  let answer = answers.get(word);
  if (answer === undefined) {
    answer = source.includes(word);
    answers.set(word, answer);
  }
  return answer;
}
