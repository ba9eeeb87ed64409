import { describe, expect, it } from 'vitest';
import { mayHaveCatchClause, sourceHas } from '../../../transforms/javascript/lib/source-words.js';

describe('sourceHas', () => {
  it('answers as includes does, for each text in turn', () => {
    const texts = ['try { a(); } catch (e) {}', 'const a = 1;', 'p.catch(f)', '', 'catch'];
    for (const text of texts) {
      for (const word of ['catch', 'try', 'a', 'const']) expect(sourceHas(text, word), `${word} in ${JSON.stringify(text)}`).toBe(text.includes(word));
    }
  });

  it('does not carry an answer over to the next text', () => {
    expect(sourceHas('throw x;', 'throw')).toBe(true);
    expect(sourceHas('rethrow', 'throw')).toBe(true);
    expect(sourceHas('nothing here', 'throw')).toBe(false);
    // Back to a text asked about before: answered again, not from the last text's answers.
    expect(sourceHas('throw x;', 'throw')).toBe(true);
  });

  it('treats an equal text built anew as the same text', () => {
    const first = ['catch', '(e) {}'].join(' ');
    const second = ['catch', '(e) {}'].join(' ');
    expect(sourceHas(first, 'catch')).toBe(true);
    expect(sourceHas(second, 'catch')).toBe(true);
    expect(sourceHas(second, 'finally')).toBe(false);
  });
});

describe('mayHaveCatchClause', () => {
  it.each([
    ['try { a(); } catch (e) {}', true],
    ['try{a()}catch{}', true],
    ['try /* why */ { a(); } catch (e) {}', true],
    ['try // why\n{ a(); } catch (e) {}', true],
    ['try\n\n  {\n a(); } catch (e) {}', true],
    ['try\u2028{ a(); } catch (e) {}', true],
    ['try <!-- a script-only comment\n{ a(); } catch (e) {}', true],
    ['try\n--> a script-only comment\n{ a(); } catch (e) {}', true],
    ['x = 1; try { a(); } finally { b(); } p.catch(f);', true],
    // A promise's catch, words that contain `try`, and a try without a catch.
    ['p.catch((e) => log(e));', false],
    ['registry.entry(x).catch(retry);', false],
    ['retry { }; p.catch(f)', false],
    ['try { a(); } finally { b(); }', false],
    ['const tryCount = 1; p.catch(f);', false],
    ['', false],
  ])('%j -> %s', (source, expected) => {
    expect(mayHaveCatchClause(source)).toBe(expected);
  });
});
