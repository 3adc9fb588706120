/** Debian's Chromium; CHROMIUM_PATH points elsewhere on machines that keep it elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Headless on a machine with no GPU and no internet: without the background-networking flags
 * Chromium tries Google's hosts at every start, and this machine's closed network refuses them.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Each new context (a window) would load the address bar's popup as a web page of its own,
  // about half a second of CPU that no test looks at (measured with /proc, three contexts).
  '--disable-features=WebUIOmniboxPopup',
];
