/** The longest device name kept for a sign-in. */
export const DEVICE_NAME_MAX = 80;

const browsers: readonly [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bCriOS\/|\bChrome\/|\bChromium\/|\bHeadlessChrome\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
  [/^curl\//, 'curl'],
  [/^node\b|\bundici\b|^node-fetch/, 'Node.js'],
  [/\bCompanion\b/i, 'Companion'],
  [/^python-requests|^Python-urllib|^aiohttp/i, 'Python'],
];
const systems: readonly [RegExp, string][] = [
  [/\bAndroid\b/, 'Android'],
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

/**
 * A device as a person would name it, from a User-Agent: "Chrome on Android", "Safari on iPhone",
 * "curl". What it does not recognise, shortened; at most DEVICE_NAME_MAX characters.
 */
export function deviceName(userAgent: string | undefined): string {
  const ua = (userAgent ?? '').replace(/[\p{Cc}]/gu, '').trim();
  if (!ua) return 'unknown device';
  const browser = browsers.find(([pattern]) => pattern.test(ua))?.[1];
  const system = systems.find(([pattern]) => pattern.test(ua))?.[1];
  const named = browser && system ? `${browser} on ${system}` : (browser ?? system);
  const name = named ?? ua;
  return [...name].length > DEVICE_NAME_MAX ? `${[...name].slice(0, DEVICE_NAME_MAX - 1).join('')}…` : name;
}
