// Minimal Blob: the parts UrlFetchApp responses and Utilities.newBlob need (bytes, string, content type, name).
// Not modelled: getAs conversions to PDF/images, Google-type blobs, getDataAsString charsets beyond UTF-8/ASCII.
import type { FakeContext } from './fake-context';

export interface BlobFake {
  getBytes(): number[];
  getDataAsString(charset?: string): string;
  getContentType(): string | null;
  setContentType(contentType: string | null): BlobFake;
  getName(): string | null;
  setName(name: string): BlobFake;
  copyBlob(): BlobFake;
  isGoogleType(): boolean;
}

export const toSignedBytes = (buf: Buffer): number[] => Array.from(buf, (b) => (b > 127 ? b - 256 : b));

export function bufferFrom(value: unknown, charset = 'UTF-8'): Buffer {
  if (Array.isArray(value)) return Buffer.from(value.map((b) => Number(b) & 0xff));
  if (value && typeof value === 'object' && typeof (value as BlobFake).getBytes === 'function') {
    return bufferFrom((value as BlobFake).getBytes());
  }
  return Buffer.from(String(value), /ascii/i.test(charset) ? 'latin1' : 'utf8');
}

export function createBlob(ctx: FakeContext, data: Buffer, contentType: string | null = null, name: string | null = null): BlobFake {
  let type = contentType;
  let blobName = name;
  const blob: BlobFake = {
    getBytes() {
      ctx.counter.count('Blob.getBytes');
      return ctx.realm.adopt(toSignedBytes(data));
    },
    getDataAsString(charset) {
      ctx.counter.count('Blob.getDataAsString');
      return data.toString(charset && /ascii/i.test(charset) ? 'latin1' : 'utf8');
    },
    getContentType: () => type,
    setContentType(t) {
      type = t;
      return blob;
    },
    getName: () => blobName,
    setName(n) {
      blobName = n;
      return blob;
    },
    copyBlob: () => createBlob(ctx, Buffer.from(data), type, blobName),
    isGoogleType: () => false,
  };
  return blob;
}
