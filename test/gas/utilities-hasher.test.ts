// Contract 4: the client hashes months through the Hasher port; in Apps Script that is Utilities.computeDigest,
// whose SIGNED bytes must come out as the same lower-case hex node:crypto (and the server's SQL sha256) gives.
import { createHash } from 'node:crypto';
import { UtilitiesHasher, type DigestUtilities } from '../../src/gas/utilities-hasher';
import { createGasRuntime } from '../../tools/gas-runtime';
import { nodeHasher } from '../../tools/lib/node-hasher';

function runtimeHasher() {
  const runtime = createGasRuntime();
  return { runtime, hasher: new UtilitiesHasher(runtime.utilities as unknown as DigestUtilities<unknown, unknown>) };
}

describe('UtilitiesHasher', () => {
  it('gives the published SHA-256 of "abc" (FIPS 180-2 test vector)', () => {
    expect(runtimeHasher().hasher.sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it.each([
    ['', 'empty text'],
    ['{"v":1,"provider":"obinna_ezeji","month":"2024-11","rows":[],"figures":[]}', 'a canonical month text'],
    ['Dr. Obi — Humble Office · café · 😢', 'non-ASCII, hashed as UTF-8'],
  ])('agrees with node:crypto on %j (%s)', (text) => {
    expect(runtimeHasher().hasher.sha256Hex(text)).toBe(nodeHasher.sha256Hex(text));
  });

  it('turns signed bytes (-128…127) into two lower-case hex digits each', () => {
    const digest = createHash('sha256').update('x', 'utf8').digest();
    const utilities: DigestUtilities<string, string> = {
      DigestAlgorithm: { SHA_256: 'SHA_256' },
      Charset: { UTF_8: 'UTF_8' },
      computeDigest: (algorithm, value, charset) => {
        expect([algorithm, value, charset]).toEqual(['SHA_256', 'x', 'UTF_8']);
        return [...digest].map((b) => (b > 127 ? b - 256 : b));
      },
    };
    expect(new UtilitiesHasher(utilities).sha256Hex('x')).toBe(digest.toString('hex'));
  });

  it('asks for SHA_256 over UTF_8, one computeDigest call per hash', () => {
    const { runtime, hasher } = runtimeHasher();
    const spy = jest.spyOn(runtime.utilities, 'computeDigest');
    hasher.sha256Hex('é');
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0].slice(1)).toEqual(['é', runtime.utilities.Charset.UTF_8]);
    expect(spy.mock.calls[0][0]).toBe(runtime.utilities.DigestAlgorithm.SHA_256);
  });
});
