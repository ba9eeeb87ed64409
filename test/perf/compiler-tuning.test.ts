import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compilerFlagFor } from '../../cli/compiler-tuning.js';
import { bin, faultline } from '../support/cli.js';

const NODE_20_V8 = '11.3.244.8-node.38';

describe('the inlining budget the command sets', () => {
  it('is set on the V8 versions known to have the flag', () => {
    expect(compilerFlagFor(NODE_20_V8, [])).toBe('--max-inlined-bytecode-size-cumulative=250');
    expect(compilerFlagFor('14.1.146.11-node.25', ['--enable-source-maps'])).toBe('--max-inlined-bytecode-size-cumulative=250');
  });

  it('is left alone on other V8 versions, where the flag may not exist', () => {
    expect(compilerFlagFor('10.2.154.26-node.26', [])).toBeUndefined();
    expect(compilerFlagFor('15.0.1', [])).toBeUndefined();
    expect(compilerFlagFor('', [])).toBeUndefined();
  });

  it("is left alone when the user started node with a value of their own, in either spelling", () => {
    expect(compilerFlagFor(NODE_20_V8, ['--max-inlined-bytecode-size-cumulative=920'])).toBeUndefined();
    expect(compilerFlagFor(NODE_20_V8, ['--trace-warnings', '--max_inlined_bytecode_size_cumulative=100'])).toBeUndefined();
  });

  it('names a flag this Node knows whenever it would set it', () => {
    const flag = compilerFlagFor(process.versions.v8, []);
    if (flag === undefined) return;
    const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    expect(options).toContain(flag.slice(0, flag.indexOf('=')));
  });

  it("is set by the command without a word on stderr, as is a value of the user's own", () => {
    expect(faultline(['--version'])).toMatchObject({ code: 0, stderr: '' });
    const chosen = spawnSync(process.execPath, ['--max-inlined-bytecode-size-cumulative=500', bin, '--version'], { encoding: 'utf8' });
    expect(chosen).toMatchObject({ status: 0, stderr: '' });
  });
});
