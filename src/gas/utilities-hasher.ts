// Hasher over Utilities.computeDigest: the client side of contract 4 (month content hash), which must agree with
// the server's SQL sha256 and with node:crypto. computeDigest returns Java-style SIGNED bytes (-128…127).
import type { Hasher } from '../core/ports';

/** The part of Utilities this adapter uses; the real service and the runtime's fake both fit. */
export interface DigestUtilities<Algorithm, Charset> {
  DigestAlgorithm: { SHA_256: Algorithm };
  Charset: { UTF_8: Charset };
  computeDigest(algorithm: Algorithm, value: string, charset: Charset): number[];
}

export class UtilitiesHasher<Algorithm, Charset> implements Hasher {
  constructor(private readonly utilities: DigestUtilities<Algorithm, Charset>) {}

  sha256Hex(text: string): string {
    const u = this.utilities;
    const bytes = u.computeDigest(u.DigestAlgorithm.SHA_256, text, u.Charset.UTF_8);
    let hex = '';
    for (const b of bytes) hex += ((b + 256) % 256).toString(16).padStart(2, '0');
    return hex;
  }
}
