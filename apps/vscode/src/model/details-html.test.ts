import { describe, expect, it } from 'vitest';
import { userDetails } from './details.ts';
import { detailsHtml, escapeHtml } from './details-html.ts';
import { t, user } from './test-fixtures.ts';

const context = { nonce: 'n0nce', lang: 'en', jsonLabel: 'JSON' };

describe('detailsHtml', () => {
  it('shows server values as text, never as markup', () => {
    const html = detailsHtml(
      userDetails(
        user({
          name: '<img src=x onerror=alert(1)>',
          nickname: '<script>alert(1)</script>',
          customData: { '<b>key</b>': '"quoted" & \'single\'' },
        }),
        t,
      ),
      context,
    );
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;b&gt;key&lt;/b&gt;');
    expect(html).toContain('&quot;quoted&quot; &amp; &#39;single&#39;');
  });

  it('has a strict Content Security Policy and no script', () => {
    const html = detailsHtml(userDetails(user(), t), context);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("style-src 'nonce-n0nce'");
    expect(csp).not.toContain('unsafe');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<style nonce="n0nce">');
  });

  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
