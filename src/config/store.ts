import { chmodSync, mkdirSync, statSync } from 'node:fs';
import type Conf from 'conf';

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

/** The profile store on disk (conf, mode 0600), with the permission check the CLI warns about. */
export class ProfileStore {
  private constructor(
    private readonly conf: Conf<StoreShape>,
    readonly dir: string,
  ) {}

  /** Opens (lazily importing conf) the store in `dir`; the file is created 0600 on first write. */
  static async open(dir: string): Promise<ProfileStore> {
    const { default: ConfClass } = await import('conf');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const conf = new ConfClass<StoreShape>({
      cwd: dir,
      configName: 'config',
      projectName: 'enablex-cli',
      configFileMode: 0o600,
      defaults: { profiles: {} },
      clearInvalidConfig: false,
    });
    return new ProfileStore(conf, dir);
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

  names(): string[] {
    return Object.keys(this.conf.get('profiles') ?? {}).sort();
  }

  get(name: string): Profile | undefined {
    return (this.conf.get('profiles') ?? {})[name];
  }

  set(name: string, profile: Profile): void {
    const profiles = { ...(this.conf.get('profiles') ?? {}), [name]: profile };
    this.conf.set('profiles', profiles);
    if (!this.defaultName()) this.conf.set('defaultProfile', name);
  }

  remove(name: string): boolean {
    const profiles = { ...(this.conf.get('profiles') ?? {}) };
    if (!(name in profiles)) return false;
    delete profiles[name];
    this.conf.set('profiles', profiles);
    if (this.defaultName() === name) this.conf.delete('defaultProfile');
    return true;
  }

  defaultName(): string | undefined {
    const name = this.conf.get('defaultProfile');
    return name && this.get(name) ? name : undefined;
  }

  setDefault(name: string): void {
    this.conf.set('defaultProfile', name);
  }
}
