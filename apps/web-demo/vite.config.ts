import { defaultClientConditions, defineConfig, loadEnv, type Plugin } from 'vite';

// The emulator under `npm start`; VITE_GENAUTH_APP_HOST switches to a real app (read by src/config.ts too).
const EMULATOR_HOST = 'http://127.0.0.1:8787';

/**
 * The Content Security Policy of the built demo: its own scripts and styles only, and requests to
 * the one host it was built for (the hosted login's discovery and token endpoints, the API). A
 * `<meta>` in the page, so any static host serves it; `vite preview` also sends it as a header,
 * with `frame-ancestors`, which a `<meta>` cannot carry.
 */
function contentSecurityPolicy(appHost: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${new URL(appHost).origin}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

function cspMeta(policy: string): Plugin {
  return {
    name: 'genauth-groups-demo-csp',
    // Only the build: the dev server injects styles inline for hot reload.
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// The demo runs the SDK from its TypeScript sources, so `npm start` needs no package build.
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, import.meta.dirname, 'VITE_');
  const policy = contentSecurityPolicy(env.VITE_GENAUTH_APP_HOST ?? EMULATOR_HOST);
  return {
    resolve: { conditions: ['@genauth-groups/source', ...defaultClientConditions] },
    plugins: [cspMeta(policy)],
    server: { host: '127.0.0.1', port: 5173, strictPort: false },
    preview: {
      host: '127.0.0.1',
      headers: { 'content-security-policy': `${policy}; frame-ancestors 'none'` },
    },
    build: { target: 'es2022' },
  };
});
