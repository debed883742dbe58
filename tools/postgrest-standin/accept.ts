// Accept negotiation (docs.postgrest.org/en/v14/references/api/resource_representation.html; PGRST107, PGRST116).

export type Accepted = 'json' | 'singular';

/**
 * Accept negotiation for the media types the stand-in serves: JSON (also for a missing header or a wildcard) and
 * application/vnd.pgrst.object+json (exactly one row, else 406 PGRST116). Anything else is 406 PGRST107.
 */
export function negotiate(h: string | undefined): Accepted | null {
  if (h === undefined || h.trim() === '') return 'json';
  const ranked = h
    .split(',')
    .map((part, i) => {
      const [type, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      return { type, q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((m) => m.type !== '' && !(m.q <= 0))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const m of ranked) {
    if (m.type === 'application/vnd.pgrst.object+json' || m.type === 'application/vnd.pgrst.object') return 'singular';
    if (['application/json', 'application/*', '*/*', 'application/vnd.pgrst.array+json', 'application/vnd.pgrst.array'].includes(m.type)) {
      return 'json';
    }
  }
  return null;
}

export function acceptList(h: string | undefined): string {
  return (h ?? '')
    .split(',')
    .map((p) => p.split(';')[0].trim())
    .filter((p) => p !== '')
    .join(', ');
}
