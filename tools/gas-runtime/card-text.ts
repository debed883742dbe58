// Prints what the CardService fake recorded as plain text, roughly as the sidebar lays it out: for `npm start`,
// for failure messages, and for text snapshots a person can review. Buttons show the callback they call.
import { cardData, type CardData } from './card-service';

export function renderCardText(value: unknown): string {
  const values = Array.isArray(value) ? value : [value];
  return values.map((v) => renderBuilt(cardData(v)).join('\n')).join('\n\n');
}

function renderBuilt(data: CardData): string[] {
  switch (data.kind) {
    case 'Card':
      return renderCard(data);
    case 'UniversalActionResponse':
      return data.cards ? (data.cards as CardData[]).flatMap((card) => renderCard(card)) : [`(opens ${link(data.openLink)})`];
    case 'EditorFileScopeActionResponse':
      return ['(asks the user to allow access to this file: drive.file)'];
    default:
      return renderActionResponse(data);
  }
}

function renderActionResponse(data: CardData): string[] {
  const lines: string[] = [];
  if (data.notification) lines.push(`(notification) ${(data.notification as CardData).text}`);
  if (data.openLink) lines.push(`(opens ${link(data.openLink)})`);
  for (const step of ((data.navigation as CardData | undefined)?.steps as CardData[] | undefined) ?? []) {
    const [what, card] = Object.entries(step)[0];
    lines.push(`(navigation: ${what})`);
    if (typeof card === 'object' && card !== null) lines.push(...renderCard(card as CardData));
  }
  return lines.length > 0 ? lines : ['(empty action response)'];
}

function renderCard(card: CardData): string[] {
  const header = card.header as CardData | undefined;
  const lines = [`== ${header ? text(header.title) : '(no header)'} ==`];
  if (header?.subtitle) lines.push(`   ${text(header.subtitle)}`);
  for (const section of (card.sections as CardData[] | undefined) ?? []) {
    lines.push(section.header ? `-- ${text(section.header)} --` : '--');
    // A line break inside a text (<br>) starts a new printed line, as it does in the sidebar.
    for (const widget of (section.widgets as CardData[]) ?? []) lines.push(...renderWidget(widget).flatMap((l) => l.split('\n')).map((l) => `   ${l}`));
  }
  return lines;
}

function renderWidget(widget: CardData): string[] {
  const [kind, data] = Object.entries(widget)[0] as [string, CardData];
  switch (kind) {
    case 'textParagraph':
      return [text(data.text)];
    case 'decoratedText': {
      const main = `${data.topLabel ? `${text(data.topLabel)}: ` : ''}${text(data.text)}${data.button ? ` ${button(data.button)}` : ''}`;
      return data.bottomLabel ? [main, `  ${text(data.bottomLabel)}`] : [main];
    }
    case 'buttonSet':
      return [((data.buttons as CardData[] | undefined) ?? []).map(button).join(' ')];
    case 'textButton':
      return [button(data)];
    case 'textInput':
      return [`${text(data.label ?? data.name)}: [${text(data.value ?? '')}]`];
    case 'selectionInput':
      return [
        `${text(data.label ?? data.name)}:`,
        ...((data.items as CardData[] | undefined) ?? []).map((item) => `  ${item.selected ? '(x)' : '( )'} ${text(item.text)}`),
      ];
    case 'divider':
      return ['----'];
    default:
      return [`(${kind})`];
  }
}

function button(value: unknown): string {
  const data = value as CardData;
  const onClick = (data.onClick as CardData | undefined) ?? {};
  const target = onClick.action
    ? `→ ${(onClick.action as CardData).function}`
    : onClick.openLink
      ? `→ ${link(onClick.openLink)}`
      : '';
  return `[${text(data.text ?? data.altText ?? '')}${target ? ` ${target}` : ''}]`;
}

function link(openLink: unknown): string {
  return String((openLink as CardData | undefined)?.url ?? '(no url)');
}

// Card text is a small HTML subset; show it as a person reads it.
function text(value: unknown): string {
  return String(value ?? '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
