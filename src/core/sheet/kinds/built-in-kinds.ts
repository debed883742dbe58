import type { SheetKindDefinition } from '../sheet-kind';
import { DENTIST_SHEET_KIND } from './dentist';
import { HYGIENIST_SHEET_KIND } from './hygienist';

export const BUILT_IN_SHEET_KINDS: readonly SheetKindDefinition[] = [DENTIST_SHEET_KIND, HYGIENIST_SHEET_KIND];
