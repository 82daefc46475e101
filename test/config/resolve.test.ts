import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveCredentials } from '../../src/config/resolve.js';
import { ProfileStore } from '../../src/config/store.js';
import { tempConfigDir } from '../helpers/cli.js';

let dir: ReturnType<typeof tempConfigDir>;
let store: ProfileStore;

beforeEach(async () => {
  dir = tempConfigDir();
  store = await ProfileStore.open(dir.dir);
  store.set('prod', { appId: 'prodid', appKey: 'prodkey', baseUrl: 'https://api.brand.example/video/v2' });
  store.set('dev', { appId: 'devid', appKey: 'devkey', recordingUser: 'ru', recordingPassword: 'rp' });
});
afterEach(() => dir.cleanup());

const ENV = { ENABLEX_APP_ID: 'envid', ENABLEX_APP_KEY: 'envkey' };

describe('resolveCredentials precedence', () => {
  it('the default profile when nothing else is given', () => {
    const r = resolveCredentials({}, {}, store);
    expect(r).toMatchObject({
      appId: 'prodid',
      credentialSource: 'profile',
      profileName: 'prod',
      baseUrl: 'https://api.brand.example/video/v2',
      baseUrlSource: 'profile',
    });
  });

  it('environment credentials beat the default profile', () => {
    expect(resolveCredentials({}, ENV, store)).toMatchObject({
      appId: 'envid',
      credentialSource: 'env',
      baseUrl: 'https://api.enablex.io/video/v2',
      baseUrlSource: 'default',
    });
  });

  it('ENABLEX_PROFILE beats the default profile', () => {
    expect(resolveCredentials({}, { ENABLEX_PROFILE: 'dev' }, store)).toMatchObject({
      appId: 'devid',
      credentialSource: 'env',
      profileName: 'dev',
    });
  });

  it('an explicit --profile beats credentials in the environment', () => {
    expect(resolveCredentials({ profile: 'dev' }, ENV, store)).toMatchObject({
      appId: 'devid',
      credentialSource: 'flag',
    });
  });

  it('--base-url beats ENABLEX_BASE_URL beats the profile', () => {
    expect(
      resolveCredentials(
        { baseUrl: 'https://flag/v2' },
        { ...ENV, ENABLEX_BASE_URL: 'https://env/v2' },
        store,
      ).baseUrl,
    ).toBe('https://flag/v2');
    expect(resolveCredentials({}, { ENABLEX_BASE_URL: 'https://env/v2' }, store)).toMatchObject({
      baseUrl: 'https://env/v2',
      baseUrlSource: 'env',
    });
  });

  it('with --profile, the profile base URL beats ENABLEX_BASE_URL', () => {
    expect(
      resolveCredentials({ profile: 'prod' }, { ENABLEX_BASE_URL: 'https://env/v2' }, store).baseUrl,
    ).toBe('https://api.brand.example/video/v2');
  });

  it('recording credentials: env beats profile', () => {
    expect(resolveCredentials({ profile: 'dev' }, {}, store).recording).toEqual({
      user: 'ru',
      password: 'rp',
      source: 'profile',
    });
    expect(
      resolveCredentials(
        { profile: 'dev' },
        { ENABLEX_RECORDING_USER: 'eu', ENABLEX_RECORDING_PASSWORD: 'ep' },
        store,
      ).recording,
    ).toEqual({ user: 'eu', password: 'ep', source: 'env' });
  });

  it.each([
    ['only the id in env', { ENABLEX_APP_ID: 'x' }, /ENABLEX_APP_KEY is not set/],
    ['only the key in env', { ENABLEX_APP_KEY: 'x' }, /ENABLEX_APP_ID is not set/],
    [
      'an unknown ENABLEX_PROFILE',
      { ENABLEX_PROFILE: 'nope' },
      /profile "nope" \(from ENABLEX_PROFILE\) does not exist/,
    ],
    [
      'an ENABLEX_PROFILE named after an Object.prototype member',
      { ENABLEX_PROFILE: 'toString' },
      /profile "toString" \(from ENABLEX_PROFILE\) does not exist/,
    ],
  ])('fails with exit 3: %s', (_n, env, message) => {
    expect(() => resolveCredentials({}, env, store)).toThrow(message);
    expect(() => resolveCredentials({}, env, store)).toThrow(expect.objectContaining({ exitCode: 3 }));
  });

  it.each(['constructor', 'toString', 'hasOwnProperty'])('--profile %s does not exist (exit 3)', (name) => {
    expect(() => resolveCredentials({ profile: name }, ENV, store)).toThrow(
      expect.objectContaining({ exitCode: 3, message: expect.stringContaining(`profile "${name}"`) }),
    );
  });

  it.each([
    [{ profile: '__proto__' }, {}, /--profile "__proto__" must be letters/],
    [{ profile: 'a/b' }, {}, /--profile "a\/b" must be letters/],
    [{}, { ENABLEX_PROFILE: '-x' }, /ENABLEX_PROFILE "-x" must be letters/],
  ])('a malformed name is a usage error (exit 2): %j %j', (flags, env, message) => {
    expect(() => resolveCredentials(flags, env, store)).toThrow(message);
    expect(() => resolveCredentials(flags, env, store)).toThrow(expect.objectContaining({ exitCode: 2 }));
  });

  it('fails with a way forward when there is nothing at all', async () => {
    const empty = tempConfigDir();
    try {
      const s = await ProfileStore.open(empty.dir);
      expect(() => resolveCredentials({}, {}, s)).toThrow(/no credentials/);
    } finally {
      empty.cleanup();
    }
  });
});

describe('ProfileStore', () => {
  it('writes the file with mode 0600', () => {
    expect(store.mode()).toBe(0o600);
    expect(store.isTooOpen()).toBe(false);
  });

  it('knows nothing of Object.prototype members', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(store.get(name)).toBeUndefined();
      expect(store.has(name)).toBe(false);
      expect(store.remove(name)).toBe(false);
    }
    expect(store.names()).toEqual(['dev', 'prod']);
  });

  it('require() throws a configuration error (exit 3, like --profile) listing the known profiles', () => {
    expect(store.require('dev').appId).toBe('devid');
    expect(() => store.require('constructor')).toThrow(
      expect.objectContaining({
        exitCode: 3,
        message: 'profile "constructor" does not exist.',
        hint: 'Known profiles: dev, prod.',
      }),
    );
    expect(() => store.require('a b')).toThrow(/<name> "a b" must be letters/);
  });

  it('setDefault refuses a profile that does not exist', () => {
    expect(() => store.setDefault('constructor')).toThrow(/does not exist/);
    expect(store.defaultName()).toBe('prod');
  });

  it('makes the first profile the default and forgets a removed default', () => {
    expect(store.defaultName()).toBe('prod');
    store.remove('prod');
    expect(store.defaultName()).toBeUndefined();
    expect(store.names()).toEqual(['dev']);
  });
});
