import { createEntryGuards } from '../../src/ui/entry-guards';
import { cardData } from '../../tools/gas-runtime/card-service';
import { renderCardText } from '../../tools/gas-runtime/card-text';
import { installCardService } from './install-card-service';

beforeEach(installCardService);

function guards() {
  const logged: [string, unknown][] = [];
  return { logged, guard: createEntryGuards((entry, error) => logged.push([entry, error])) };
}

const boom = new Error('Sheet "Nov-24" is protected');

describe('entry guards', () => {
  test('a card entry that throws answers with an error card and hands the error to the sink', () => {
    const { guard, logged } = guards();
    const cards = guard.cards('onHomepage', () => {
      throw boom;
    });
    expect(renderCardText(cards)).toBe(
      '== Production Sync ==\n   Something went wrong\n--\n   Sheet "Nov-24" is protected\n   Try again; if it keeps failing, tell your practice administrator.',
    );
    expect(logged).toEqual([['onHomepage', boom]]);
  });

  test('an action that throws answers with a notification', () => {
    const { guard } = guards();
    const response = guard.action('onSyncNow', () => {
      throw boom;
    });
    expect(cardData(response)).toEqual({ kind: 'ActionResponse', notification: { text: 'Production Sync: Sheet "Nov-24" is protected' } });
  });

  test('a universal action that throws shows the error card', () => {
    const { guard } = guards();
    const response = guard.universalAction('onOpenSettings', () => {
      throw boom;
    });
    expect(renderCardText(response)).toContain('   Sheet "Nov-24" is protected\n');
  });

  test('success passes through untouched and logs nothing', () => {
    const { guard, logged } = guards();
    const value = { any: 'response' };
    expect(guard.action('onX', () => value)).toBe(value);
    expect(logged).toEqual([]);
  });

  test('a thrown non-Error or an empty message still gives a sentence', () => {
    const { guard } = guards();
    const text = (thrown: unknown) =>
      renderCardText(
        guard.cards('onHomepage', () => {
          throw thrown;
        }),
      );
    expect(text('quota exceeded')).toContain('   quota exceeded\n');
    expect(text(new Error(''))).toContain('   An unexpected error occurred.\n');
  });
});
