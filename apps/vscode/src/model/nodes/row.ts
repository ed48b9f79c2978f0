/**
 * How a node shows as a row, without the editor: the editor layer (`ui/tree-item.ts`) turns it
 * into a `TreeItem` the same way for every kind. Texts are plain strings: server values are shown
 * as text and never interpreted as Markdown, HTML or command links.
 */
export interface Row {
  readonly label: string;
  readonly description?: string | undefined;
  readonly tooltip?: string | undefined;
  /** A product icon (`codicon` id) and, for rows that must stand out, a theme color id. */
  readonly icon?: { readonly id: string; readonly color?: string | undefined } | undefined;
  /** @default 'none' */
  readonly expand?: 'none' | 'collapsed' | 'expanded' | undefined;
  /** Space-separated words that menus match on (`viewItem =~ /\bgroup\b/`). */
  readonly contextValue?: string | undefined;
  /** The command a click runs; `withNode` passes the node as its argument. */
  readonly command?: { readonly id: string; readonly title: string; readonly withNode: boolean } | undefined;
}

/** Joins the parts that are set, one per line, for tooltips. */
export function lines(...parts: Array<string | false | null | undefined>): string {
  return parts.filter(Boolean).join('\n');
}
