import { defineConfig } from 'vitest/config';

/**
 * The vitest config every package uses: workspace packages resolve to their TypeScript sources
 * through the `@genauth-groups/source` export condition, so tests need no build of their
 * dependencies.
 */
export default defineConfig({
  resolve: { conditions: ['@genauth-groups/source'] },
  ssr: { resolve: { conditions: ['@genauth-groups/source'] } },
});
