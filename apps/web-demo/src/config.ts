/** Where the demo signs in and reads groups: fixed when the demo is built, never from the URL. */
export interface DemoConfig {
  /** The app's Authentication Address (the emulator by default). */
  readonly appHost: string;
  /** The app's App ID. */
  readonly appId: string;
  /** Whether the backend is the local emulator, whose demo users the page can suggest. */
  readonly emulator: boolean;
}

// The emulator's defaults (apps/emulator: port 8787, fixed fake app id), so that `npm start` needs
// no configuration. VITE_GENAUTH_APP_HOST / VITE_GENAUTH_APP_ID, read at build time, switch to a
// real GenAuth app. Nothing in the page's URL can change them: a link must not be able to send the
// user to another host (and the build's Content Security Policy allows only this one).
const EMULATOR_HOST = 'http://127.0.0.1:8787';
const EMULATOR_APP_ID = '65f0a1b2c3d4e5f6a7b8c9d0';

/** The configuration this build was made for. */
export function readConfig(): DemoConfig {
  const appHost = (import.meta.env.VITE_GENAUTH_APP_HOST ?? EMULATOR_HOST).replace(/\/+$/, '');
  const appId = import.meta.env.VITE_GENAUTH_APP_ID ?? EMULATOR_APP_ID;
  return { appHost, appId, emulator: /^(https?:\/\/)?(127\.0\.0\.1|localhost)(:|\/|$)/.test(appHost) };
}
