/**
 * Localises a message with `{0}`-style placeholders: `vscode.l10n.t` in the editor. The model
 * takes one as a parameter because it must not import `vscode`.
 */
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;
