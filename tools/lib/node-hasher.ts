// The Hasher port (contract 4) for Node: SHA-256 of the UTF-8 bytes, lower-case hex, as Utilities.computeDigest
// gives in Apps Script.
import { createHash } from 'node:crypto';
import type { Hasher } from '../../src/core/ports';

export const nodeHasher: Hasher = {
  sha256Hex: (text: string) => createHash('sha256').update(text, 'utf8').digest('hex'),
};
