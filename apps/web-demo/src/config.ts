/** Where the demo signs in and reads groups. */
export interface DemoConfig {
  /** The app's Authentication Address (the emulator by default). */
  readonly appHost: string;
  /** The app's App ID. */
  readonly appId: string;
  /** Whether the backend is the local emulator, whose demo users the page can suggest. */
  readonly emulator: boolean;
}

// The emulator's defaults (apps/emulator: port 8787, fixed fake app id), so that `npm start` needs
// no configuration. VITE_GENAUTH_APP_HOST / VITE_GENAUTH_APP_ID switch to a real GenAuth app; the
// query string (?appHost=&appId=) overrides both, which the tests use.
const EMULATOR_HOST = 'http://127.0.0.1:8787';
const EMULATOR_APP_ID = '65f0a1b2c3d4e5f6a7b8c9d0';

export function readConfig(search: string = location.search): DemoConfig {
  const query = new URLSearchParams(search);
  const appHost = query.get('appHost') ?? import.meta.env.VITE_GENAUTH_APP_HOST ?? EMULATOR_HOST;
  const appId = query.get('appId') ?? import.meta.env.VITE_GENAUTH_APP_ID ?? EMULATOR_APP_ID;
  return { appHost, appId, emulator: /^(https?:\/\/)?(127\.0\.0\.1|localhost)(:|\/|$)/.test(appHost) };
}
