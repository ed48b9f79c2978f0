import { describe, expect, it } from 'vitest';
import { formatBanner } from './banner.ts';
import { type EmulatorOptions, startEmulator } from './emulator.ts';

async function bannerOf(options: EmulatorOptions): Promise<string> {
  await using emulator = await startEmulator({ port: 0, ...options });
  return formatBanner(emulator);
}

describe('banner', () => {
  it('shows the hosted login and its registered callbacks', async () => {
    await using emulator = await startEmulator({ port: 0, callbackUrls: ['http://localhost:5174/'] });
    expect(formatBanner(emulator)).toContain(
      `hosted login       ${emulator.url}/oidc (callbacks: http://localhost:5174/)`,
    );
  });

  it('does not warn on loopback', async () => {
    expect(await bannerOf({})).not.toContain('WARNING');
  });

  it('warns when listening beyond loopback with the default secrets, naming each', async () => {
    const banner = await bannerOf({ host: '0.0.0.0' });
    expect(banner).toContain(
      'WARNING: listening on 0.0.0.0, beyond loopback, with the default access key secret, app secret, demo password.',
    );
    const partly = await bannerOf({
      host: '0.0.0.0',
      demo: false,
      credentials: { appSecret: 'own-app-secret' },
    });
    expect(partly).toContain('with the default access key secret.');
  });

  it('does not warn beyond loopback with credentials of its own', async () => {
    const banner = await bannerOf({
      host: '0.0.0.0',
      demoPassword: 'own-password',
      credentials: { accessKeySecret: 'own-key-secret', appSecret: 'own-app-secret' },
    });
    expect(banner).not.toContain('WARNING');
  });
});
