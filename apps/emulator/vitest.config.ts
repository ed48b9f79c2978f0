import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Resolve workspace packages to their TypeScript sources: no build needed before tests.
  resolve: { conditions: ['@genauth-groups/source'] },
  ssr: { resolve: { conditions: ['@genauth-groups/source'] } },
});
