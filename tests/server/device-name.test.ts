import { describe, expect, it } from 'vitest';
import { deviceName, DEVICE_NAME_MAX } from '../../server/access/device-name';
import { passcodeLine } from '../../server/startup-message';

describe('[S29] the device of a sign-in', () => {
  it('[S29] is named as a person would name it, at most 80 characters', () => {
    expect(deviceName('Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36')).toBe('Chrome on Android');
    expect(deviceName('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1')).toBe('Safari on iPhone');
    expect(deviceName('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0')).toBe('Edge on Windows');
    expect(deviceName('Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0')).toBe('Firefox on macOS');
    expect(deviceName('curl/8.5.0')).toBe('curl');
    expect(deviceName(undefined)).toBe('unknown device');
    const odd = deviceName(`Something/${'x'.repeat(200)}`);
    expect([...odd].length).toBe(DEVICE_NAME_MAX);
    expect(deviceName('a\u0000b')).toBe('ab');
  });
});

describe('[S29] the start-up line of the first producer’s passcode', () => {
  it('[S29] shows a passcode only when this start made it or moved it from the old file', () => {
    expect(passcodeLine({ generatedPasscode: 'abc' }, false, 'producer')).toContain('generated, shown once; only its hash is kept): abc');
    expect(passcodeLine({ movedPasscode: 'old' }, false, 'producer')).toContain('the file is deleted; shown once): old');
    expect(passcodeLine({}, true, 'producer')).toBe('  operator passcode: from OPERATOR_PASSCODE');
    expect(passcodeLine({}, false, 'producer')).toContain('only its hash is kept');
  });
});
