// Which Chromium the tests and build steps drive, and how: Debian's, quiet and offline.

/** The browser (apt's chromium); CHROMIUM overrides it. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * Flags that keep Chromium quiet and offline: without the background-networking ones it tries to
 * reach Google's hosts at every start, which a closed network refuses.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
