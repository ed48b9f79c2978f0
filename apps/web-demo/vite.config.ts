import { defaultClientConditions, defineConfig } from 'vite';

// The demo runs the SDK from its TypeScript sources, so `npm start` needs no package build.
export default defineConfig({
  resolve: { conditions: ['@genauth-groups/source', ...defaultClientConditions] },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1' },
  build: { target: 'es2022' },
});
