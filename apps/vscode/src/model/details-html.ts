import type { Details, DetailsSection } from './details.ts';

/** What the page needs from the webview that shows it. */
export interface HtmlContext {
  /** A fresh random value per render: the only style element carries it, and the CSP allows only it. */
  readonly nonce: string;
  /** The page language, e.g. `en` or `zh-cn`. */
  readonly lang: string;
  /** The label of the JSON disclosure. */
  readonly jsonLabel: string;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `text` made safe to place in HTML text or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

function section(part: DetailsSection): string {
  const title = `<h2>${escapeHtml(part.title)}</h2>`;
  if (part.note !== undefined)
    return `<section>${title}<p class="note">${escapeHtml(part.note)}</p></section>`;
  if (part.table) {
    const head = part.table.columns.map((column) => `<th>${escapeHtml(column)}</th>`).join('');
    const rows = part.table.rows
      .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
      .join('');
    return `<section>${title}<table class="grid"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></section>`;
  }
  const rows = (part.fields ?? [])
    .map(
      (field) =>
        `<tr><th scope="row">${escapeHtml(field.label)}</th><td>${escapeHtml(field.value)}</td></tr>`,
    )
    .join('');
  return `<section>${title}<table class="fields">${rows}</table></section>`;
}

/**
 * A details page as a complete HTML document. Every server value is escaped text; the page has no
 * script at all, and its Content Security Policy forbids scripts, remote loads (a user's `photo`
 * URL is shown as text, not fetched), frames and forms; only the page's own style element applies.
 */
export function detailsHtml(details: Details, context: HtmlContext): string {
  const csp = [
    "default-src 'none'",
    `style-src 'nonce-${context.nonce}'`,
    "script-src 'none'",
    "img-src 'none'",
    "font-src 'none'",
    "connect-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(context.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(details.title)}</title>
<style nonce="${escapeHtml(context.nonce)}">
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 20px 24px; line-height: 1.45; }
h1 { font-size: 1.6em; font-weight: 600; margin: 18px 0 2px; }
.subtitle { color: var(--vscode-descriptionForeground); margin: 0 0 12px; }
h2 { font-size: 1.05em; font-weight: 600; margin: 20px 0 6px; padding-bottom: 4px; border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); }
table { border-collapse: collapse; width: 100%; }
.fields th { text-align: left; font-weight: normal; color: var(--vscode-descriptionForeground); width: 13em; vertical-align: top; padding: 2px 12px 2px 0; }
.fields td { white-space: pre-wrap; word-break: break-word; padding: 2px 0; font-family: var(--vscode-editor-font-family); }
.grid th, .grid td { text-align: left; padding: 3px 10px 3px 0; border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,.2)); vertical-align: top; word-break: break-word; }
.grid th { font-weight: 600; }
.note { color: var(--vscode-descriptionForeground); font-style: italic; margin: 2px 0; }
details { margin-top: 20px; }
summary { cursor: pointer; font-weight: 600; }
pre { white-space: pre-wrap; word-break: break-word; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); background: var(--vscode-textCodeBlock-background); padding: 8px 10px; }
</style>
</head>
<body>
<h1>${escapeHtml(details.title)}</h1>
<p class="subtitle">${escapeHtml(details.subtitle)}</p>
${details.sections.map(section).join('\n')}
<details><summary>${escapeHtml(context.jsonLabel)}</summary><pre>${escapeHtml(details.json)}</pre></details>
</body>
</html>
`;
}
