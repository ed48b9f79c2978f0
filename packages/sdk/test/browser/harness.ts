// Serves the browser test page from its own origin.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';

/**
 * A static server on `localhost` (another origin than the emulator's 127.0.0.1, and a secure
 * context) for a test page: `entry` bundled, under `html`, served at every path.
 */
export async function servePage(
  entry = './page.ts',
  html = `<!doctype html><meta charset="utf-8"><title>SDK browser test</title>
<p id="status">loading</p><ul id="groups"></ul>`,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const bundle = await build({
    entryPoints: [new URL(entry, import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    conditions: ['@genauth-groups/source'],
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const page = `${html}<script type="module" src="/page.js"></script>`;
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/page.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else response.writeHead(200, { 'content-type': 'text/html' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
