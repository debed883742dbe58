// Google APIs' partial-response `fields` parameter ("properties(title,timeZone),sheets.properties(sheetId,title)"):
// keeps only the named fields, so a caller that forgets to ask for a field does not get it here either.

type Mask = Map<string, Mask>; // empty map = the whole value

export function parseFieldMask(fields: string): Mask {
  const root: Mask = new Map();
  let i = 0;
  const parseList = (into: Mask, closing: string | null): void => {
    while (i < fields.length) {
      let name = '';
      while (i < fields.length && !',()'.includes(fields[i])) name += fields[i++];
      const path = name.trim().split(/[./]/).filter(Boolean);
      let node = into;
      for (const part of path) {
        if (!node.has(part)) node.set(part, new Map());
        node = node.get(part)!;
      }
      if (fields[i] === '(') {
        i++;
        parseList(node, ')');
      }
      if (fields[i] === ',') {
        i++;
        continue;
      }
      if (fields[i] === ')' && closing === ')') {
        i++;
        return;
      }
    }
  };
  parseList(root, null);
  return root;
}

export function applyFieldMask(value: unknown, mask: Mask): unknown {
  if (mask.size === 0 || mask.has('*')) return value;
  if (Array.isArray(value)) return value.map((v) => applyFieldMask(v, mask));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of mask) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = applyFieldMask(v, sub);
  }
  return out;
}
