// Contract 2: the directory. One type in core; the demo practice lives in ONE data file
// (supabase/demo-practice.json); supabase/seed.sql is generated from it and the directory RPC returns this shape.

export type ProviderKind = 'dentist' | 'hygienist';

export interface DirectoryClinic {
  code: string; // e.g. KAMDENTAL
  name: string;
  time_zone: string; // IANA, e.g. America/Chicago
}

export interface DirectoryLocation {
  code: string; // e.g. HUMBLE_MAIN
  name: string; // e.g. Humble
  aliases: string[]; // e.g. HM, Humble Office
}

export interface DirectoryProvider {
  code: string; // e.g. obinna_ezeji
  name: string; // e.g. Dr. Obinna Ezeji
  kind: ProviderKind;
  aliases: string[]; // e.g. Dr. Obi, Obinna
}

export interface DirectoryLink {
  provider_code: string;
  location_code: string;
  active_from: string | null; // YYYY-MM-DD, null = always
  active_to: string | null; // YYYY-MM-DD inclusive, null = open
}

export interface Directory {
  clinic: DirectoryClinic;
  locations: DirectoryLocation[];
  providers: DirectoryProvider[];
  links: DirectoryLink[];
  /** Changes whenever any code→id relationship changes (a reseed, a new row). Opaque string. */
  version: string;
}

/** True when the provider is linked to the location on that date. */
export function isLinked(directory: Directory, providerCode: string, locationCode: string, workDate: string): boolean {
  return directory.links.some(
    (l) =>
      l.provider_code === providerCode &&
      l.location_code === locationCode &&
      (l.active_from === null || l.active_from <= workDate) &&
      (l.active_to === null || workDate <= l.active_to),
  );
}

export function linkedLocations(directory: Directory, providerCode: string): string[] {
  return [...new Set(directory.links.filter((l) => l.provider_code === providerCode).map((l) => l.location_code))];
}
