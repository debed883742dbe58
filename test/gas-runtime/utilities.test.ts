import * as crypto from 'node:crypto';
import { createGasRuntime, createManualClock } from '../../tools/gas-runtime';

describe('Utilities fake', () => {
  const utilities = () => createGasRuntime().utilities;
  const instant = new Date(Date.UTC(2024, 10, 1, 4, 5, 6, 7)); // 2024-10-31 23:05:06 in Chicago (CDT)

  it('formats a date in the given time zone, not the machine one', () => {
    const u = utilities();
    expect(u.formatDate(instant, 'America/Chicago', 'yyyy-MM-dd HH:mm:ss')).toBe('2024-10-31 23:05:06');
    expect(u.formatDate(instant, 'Asia/Tokyo', 'yyyy-MM-dd HH:mm:ss')).toBe('2024-11-01 13:05:06');
    expect(u.formatDate(instant, 'UTC', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")).toBe('2024-11-01T04:05:06.007Z');
  });

  it('supports month and day names, 12-hour clock, offsets and quoted literals', () => {
    const u = utilities();
    expect(u.formatDate(instant, 'America/Chicago', "EEE, MMM d yy h:mm a Z 'o''clock'")).toBe("Thu, Oct 31 24 11:05 PM -0500 o'clock");
    expect(u.formatDate(instant, 'America/Chicago', 'EEEE MMMM')).toBe('Thursday October');
  });

  it('falls back to GMT for an unknown zone and rejects an unknown pattern letter', () => {
    const u = utilities();
    expect(u.formatDate(instant, 'Mars/Olympus', 'HH:mm')).toBe('04:05');
    expect(() => u.formatDate(instant, 'UTC', 'yyyy-qq')).toThrow('Invalid argument: format');
  });

  it('returns SHA-256 digests as signed bytes, matching node:crypto', () => {
    const u = utilities();
    const bytes = u.computeDigest(u.DigestAlgorithm.SHA_256, 'Dr. Obi — Humble', u.Charset.UTF_8);
    const expected = crypto.createHash('sha256').update('Dr. Obi — Humble', 'utf8').digest();
    expect(bytes).toHaveLength(32);
    expect(bytes.every((b) => b >= -128 && b <= 127)).toBe(true);
    expect(Buffer.from(bytes.map((b) => b & 0xff)).equals(expected)).toBe(true);
    expect(u.computeDigest(u.DigestAlgorithm.SHA_256, 'abc').slice(0, 4)).toEqual([-70, 120, 22, -65]);
  });

  it('encodes base64 plain and web-safe, keeping padding', () => {
    const u = utilities();
    expect(u.base64Encode('??>')).toBe('Pz8+');
    expect(u.base64EncodeWebSafe('??>')).toBe('Pz8-');
    expect(u.base64EncodeWebSafe('a')).toBe('YQ==');
    expect(u.base64Decode('Pz8+')).toEqual([63, 63, 62]);
  });

  it('sleeps by advancing the runtime clock, up to the documented 300000 ms', () => {
    const clock = createManualClock(0);
    const u = createGasRuntime({ clock }).utilities;
    u.sleep(1500);
    expect(clock.now()).toBe(1500);
    expect(() => u.sleep(300_001)).toThrow('Invalid argument: milliseconds');
  });

  it('makes blobs and uuids', () => {
    const u = utilities();
    const blob = u.newBlob('héllo', 'text/plain', 'a.txt');
    expect([blob.getDataAsString(), blob.getContentType(), blob.getName(), blob.getBytes().length]).toEqual(['héllo', 'text/plain', 'a.txt', 6]);
    expect(u.getUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
