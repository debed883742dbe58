// Placeholder until the CardService fake lands (owned by the foundation/UI helper). Replaced, not extended.
export function createCardServiceFake(): Record<string, unknown> {
  return {};
}
