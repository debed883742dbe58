// The demo practice as a Directory (for inspect's default and tests). Data lives in supabase/demo-practice.json.
import data from '../../supabase/demo-practice.json';
import type { Directory } from './directory';

export function demoDirectory(): Directory {
  return {
    clinic: { ...data.clinic },
    locations: data.locations.map((l) => ({ ...l, aliases: [...l.aliases] })),
    providers: data.providers.map((p) => ({ ...p, kind: p.kind as Directory['providers'][number]['kind'], aliases: [...p.aliases] })),
    links: data.links.map((l) => ({ ...l })),
    version: 'demo',
  };
}
