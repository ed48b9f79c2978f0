/**
 * The hosted login's HTML: the sign-in form, its errors, a page for requests that cannot be sent
 * back to the app, and the `web_message` reply. Every value is escaped; no page loads anything.
 *
 * @module
 */

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The pages' Content Security Policy: inline styles only, forms posting to the emulator itself
 * (and redirected from there to the app's callbacks: browsers apply `form-action` to the redirect
 * too), and never framed (clickjacking), except the `web_message` reply, which exists to be framed.
 */
export function pageCsp(options: {
  readonly callbackOrigins: readonly string[];
  readonly framable?: boolean;
  readonly scriptHash?: string;
}): string {
  const { framable = false, scriptHash } = options;
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `form-action 'self' ${options.callbackOrigins.join(' ')}`.trim(),
    `frame-ancestors ${framable ? '*' : "'none'"}`,
    ...(scriptHash ? [`script-src '${scriptHash}'`] : []),
  ].join('; ');
}

const STYLE = `body{font:15px system-ui,sans-serif;background:#f4f5f7;margin:0;display:grid;place-items:center;min-height:100vh}
main{background:#fff;padding:32px;border-radius:12px;box-shadow:0 2px 12px #0002;width:320px}
h1{font-size:20px;margin:0 0 4px}p{color:#555}label{display:block;margin:12px 0 4px}
input{width:100%;box-sizing:border-box;padding:8px;border:1px solid #ccc;border-radius:6px}
button{margin-top:16px;width:100%;padding:10px;border:0;border-radius:6px;background:#215ae5;color:#fff;font-size:15px}
.error{color:#b00020}small{color:#888}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}<p><small>GenAuth emulator: a local stand-in for the app's hosted login.</small></p></main></body></html>`;
}

/** The sign-in form; it posts the pending request's id with the account and password. */
export function loginPage(options: { interaction: string; appName: string; error?: string }): string {
  return page(
    'Sign in',
    `<h1>Sign in</h1><p>to continue to ${escapeHtml(options.appName)}</p>
<form method="post" action="/oidc/auth/login">
<input type="hidden" name="interaction" value="${escapeHtml(options.interaction)}">
<label>Username, email or phone<input name="account" autocomplete="username" required autofocus></label>
<label>Password<input name="password" type="password" autocomplete="current-password" required></label>
${options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : ''}
<button type="submit">Sign in</button>
</form>`,
  );
}

/** A request that cannot go back to the app (unknown client, unregistered redirect URI...). */
export function errorPage(error: string, description: string): string {
  return page(
    'Sign-in error',
    `<h1>Sign-in error</h1><p class="error" role="alert"><code>${escapeHtml(error)}</code>: ${escapeHtml(description)}</p>`,
  );
}

/** The page after sign-out when no registered address to return to was given. */
export function signedOutPage(): string {
  return page('Signed out', '<h1>Signed out</h1><p>You have been signed out.</p>');
}

/**
 * The `web_message` reply (what `@authing/web`'s `getLoginState()` waits for in a hidden iframe):
 * posts `{ type: 'authorization_response', response }` to the parent, only to the redirect URI's
 * origin. The script is inline, allowed by its hash.
 */
export function webMessagePage(
  targetOrigin: string,
  response: Record<string, string>,
): { html: string; script: string } {
  const script =
    `(window.opener||window.parent).postMessage(${JSON.stringify({ type: 'authorization_response', response })},${JSON.stringify(targetOrigin)});`.replace(
      /</g,
      '\\u003c',
    );
  return {
    html: `<!doctype html><html><head><meta charset="utf-8"></head><body><script>${script}</script></body></html>`,
    script,
  };
}
