import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type Conf from 'conf';
import { AuthError, UsageError } from '../lib/errors.js';

/** One named set of credentials. The secrets (appKey, recordingPassword) never leave this module printed. */
export interface Profile {
  appId: string;
  appKey: string;
  baseUrl?: string;
  recordingUser?: string;
  recordingPassword?: string;
}

interface StoreShape {
  defaultProfile?: string;
  profiles: Record<string, Profile>;
}

/** Profile names: short, shell-safe. */
export const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Throws the usage error for a malformed profile name; `label` says where the name came from. */
export function checkProfileName(name: string, label = '<name>'): void {
  if (!PROFILE_NAME.test(name))
    throw new UsageError(`${label} "${name}" must be letters, digits, ".", "_" or "-" (at most 64).`);
}

/**
 * Creates the config folder (0700) one level at a time. Node's recursive mkdir can spin forever
 * under /proc, and its errors read like bugs: every failure here is a configuration error (exit 3).
 */
function ensureFolder(dir: string): void {
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    let st;
    try {
      st = statSync(at, { throwIfNoEntry: false });
    } catch {
      // ENOTDIR: a file stands where a folder should be; the parent loop names it.
      st = undefined;
    }
    if (st) {
      if (!st.isDirectory()) {
        throw new AuthError(
          `the config folder ${dir} cannot be created: ${at} is not a folder.`,
          CONFIG_DIR_HINT,
        );
      }
      break;
    }
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder, { mode: 0o700 });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      throw new AuthError(
        `the config folder ${dir} cannot be created (${code ?? (err as Error).message}).`,
        CONFIG_DIR_HINT,
      );
    }
  }
}

const CONFIG_DIR_HINT =
  'Set ENABLEX_CONFIG_DIR to a folder you can write, or unset it to use ~/.config/enablex.';

/** The profile store on disk (conf, mode 0600), with the permission check the CLI warns about. */
export class ProfileStore {
  private constructor(
    private readonly conf: Conf<StoreShape>,
    readonly dir: string,
  ) {}

  /** Opens (lazily importing conf) the store in `dir`; the file is created 0600 on first write. */
  static async open(dir: string): Promise<ProfileStore> {
    const { default: ConfClass } = await import('conf');
    ensureFolder(dir);
    try {
      const conf = new ConfClass<StoreShape>({
        cwd: dir,
        configName: 'config',
        projectName: 'enablex-cli',
        configFileMode: 0o600,
        defaults: { profiles: {} },
        clearInvalidConfig: false,
      });
      return new ProfileStore(conf, dir);
    } catch (err) {
      const file = join(dir, 'config.json');
      throw new AuthError(
        `the profile file ${file} cannot be read: ${(err as Error).message.split('\n')[0]}`,
        `Fix it, or move it aside and add profiles again (\`enablex profile add\`).`,
      );
    }
  }

  /** Path of the file holding secrets. */
  get path(): string {
    return this.conf.path;
  }

  /** The file's permission bits, or undefined when it does not exist yet. */
  mode(): number | undefined {
    try {
      return statSync(this.path).mode & 0o777;
    } catch {
      return undefined;
    }
  }

  /** True when group or others can read the file. */
  isTooOpen(): boolean {
    const mode = this.mode();
    return mode !== undefined && (mode & 0o077) !== 0;
  }

  /** Narrows the file to 0600. */
  tighten(): void {
    chmodSync(this.path, 0o600);
  }

  /**
   * The saved profiles as a null-prototype copy: names like "constructor" or "toString" must not
   * reach Object.prototype, so every lookup below also checks Object.hasOwn.
   */
  private profiles(): Record<string, Profile> {
    return Object.assign(Object.create(null) as Record<string, Profile>, this.conf.get('profiles') ?? {});
  }

  /** Saved profile names, sorted. */
  names(): string[] {
    return Object.keys(this.profiles()).sort();
  }

  /** True when a profile of that name is saved. */
  has(name: string): boolean {
    return Object.hasOwn(this.profiles(), name);
  }

  /** The saved profile, or undefined. */
  get(name: string): Profile | undefined {
    const profiles = this.profiles();
    return Object.hasOwn(profiles, name) ? profiles[name] : undefined;
  }

  /** The saved profile; a usage error for a malformed or unknown name, listing the known ones. */
  require(name: string, label = '<name>'): Profile {
    checkProfileName(name, label);
    const profile = this.get(name);
    if (!profile)
      throw new AuthError(
        `profile "${name}" does not exist.`,
        `Known profiles: ${this.names().join(', ') || 'none'}.`,
      );
    return profile;
  }

  /** Saves (or replaces) a profile; the first one saved becomes the default. */
  set(name: string, profile: Profile): void {
    const profiles = this.profiles();
    profiles[name] = profile;
    this.conf.set('profiles', { ...profiles });
    if (!this.defaultName()) this.conf.set('defaultProfile', name);
  }

  /** Deletes a profile (and the default pointer when it pointed there); false when there was none. */
  remove(name: string): boolean {
    const profiles = this.profiles();
    if (!Object.hasOwn(profiles, name)) return false;
    delete profiles[name];
    this.conf.set('profiles', { ...profiles });
    if (this.conf.get('defaultProfile') === name) this.conf.delete('defaultProfile');
    return true;
  }

  /** The default profile's name, when it names a saved profile. */
  defaultName(): string | undefined {
    const name = this.conf.get('defaultProfile');
    return typeof name === 'string' && this.has(name) ? name : undefined;
  }

  /** Makes a saved profile the default; a usage error for an unknown name. */
  setDefault(name: string): void {
    this.require(name);
    this.conf.set('defaultProfile', name);
  }
}
