import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { lanAddresses, startupMessage, type StartupInfo } from '../../server/startup-message';

const iface = (address: string, family: 'IPv4' | 'IPv6', internal = false) => ({ address, family, internal, netmask: '', mac: '', cidr: null }) as unknown as NetworkInterfaceInfo;
const loopback = { lo: [iface('127.0.0.1', 'IPv4', true), iface('::1', 'IPv6', true)] };
const hall = { ...loopback, eth0: [iface('fe80::1c2:3ff:fe4:5', 'IPv6'), iface('192.168.1.20', 'IPv4'), iface('2001:db8::20', 'IPv6')], wlan0: [iface('10.0.0.7', 'IPv4')] };

const info = (over: Partial<StartupInfo>): StartupInfo => ({
  url: 'http://localhost:3000',
  port: 3000,
  host: '0.0.0.0',
  publicUrl: undefined,
  interfaces: hall,
  ceremonyId: 'egov-award-1399',
  screenKeys: { stage: 'stage-key', overlay: 'overlay-key' },
  passcodeLine: '  operator passcode: from OPERATOR_PASSCODE',
  ...over,
});

describe('what npm start prints (server/startup-message.ts)', () => {
  it('finds the LAN addresses: no loopback, no IPv6 link-local, IPv4 first', () => {
    expect(lanAddresses(hall)).toEqual(['192.168.1.20', '10.0.0.7', '2001:db8::20']);
    expect(lanAddresses(loopback)).toEqual([]);
  });

  it('without PUBLIC_URL, gives the links at the LAN address and lists every address, saying how to set PUBLIC_URL', () => {
    const text = startupMessage(info({}));
    expect(text).toContain('Podium is running at http://localhost:3000\n');
    expect(text).toContain('  stage     http://192.168.1.20:3000/stage/egov-award-1399?k=stage-key\n');
    expect(text).toContain('  operator  http://192.168.1.20:3000/operator\n');
    for (const url of ['http://192.168.1.20:3000/', 'http://10.0.0.7:3000/', 'http://[2001:db8::20]:3000/']) expect(text).toContain(`\n  ${url}\n`);
    expect(text).not.toContain('fe80');
    expect(text).toContain('PUBLIC_URL=http://192.168.1.20:3000');
    expect(text).not.toMatch(/ {2}(audience|stage|overlay|operator) +http:\/\/localhost/);
  });

  it('without PUBLIC_URL and with no LAN address, warns that no other screen can reach it', () => {
    const text = startupMessage(info({ interfaces: loopback }));
    expect(text).toContain('Warning: this machine has no network address besides localhost');
    expect(text).toContain('PUBLIC_URL');
    const loopbackOnly = startupMessage(info({ host: '127.0.0.1', url: 'http://127.0.0.1:3000' }));
    expect(loopbackOnly).toContain('Warning: Podium listens on 127.0.0.1 only');
    expect(loopbackOnly).not.toContain('192.168.1.20');
  });

  it('with PUBLIC_URL, the links use it and nothing more is said', () => {
    const text = startupMessage(info({ publicUrl: 'https://awards.example.org/' }));
    expect(text).toContain('  stage     https://awards.example.org/stage/egov-award-1399?k=stage-key\n');
    expect(text).toContain('  audience  https://awards.example.org/\n');
    expect(text).not.toContain('192.168.1.20');
    expect(text).not.toContain('Warning');
    expect(text).toContain('  operator passcode: from OPERATOR_PASSCODE\n');
  });
});
