import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { hash, verify } from '@node-rs/argon2';
import type { PeopleStore, Person } from '../storage/people-store';
import { FIRST_PRODUCER_ID, secretsEqual } from './auth';

/** The file where versions before named people kept the generated passcode, in plaintext. */
export const OLD_PASSCODE_FILE = 'operator-passcode';

/** An argon2id hash of a secret (the library's defaults: 19 MiB, 2 passes), off the event loop. */
export function hashSecret(secret: string): Promise<string> {
  return hash(secret);
}

/** What the start made of the first producer's passcode: printed once by `npm start`, never logged. */
export interface FirstProducerStart {
  /** Made by this start (no OPERATOR_PASSCODE, no passcode yet). */
  generatedPasscode?: string;
  /** Read from an older version's `operator-passcode` file, now hashed into the store (the file is gone). */
  movedPasscode?: string;
}

export type SignInOutcome = { ok: true; person: Person } | { ok: false; reason: 'wrong' | 'disabled' };

/**
 * Checks secrets against the people store. The first producer's secret is OPERATOR_PASSCODE when
 * it is set (compared in constant time), else its argon2id hash. A name nobody has costs a verify
 * of a dummy hash, so that a wrong name and a wrong secret take about the same time.
 */
export class CrewSignIn {
  private constructor(
    private readonly store: PeopleStore,
    private readonly configuredPasscode: string | undefined,
    private readonly dummyHash: string,
  ) {}

  /**
   * Makes sure the first producer exists (FIRST_PRODUCER_ID, role producer): on first start with
   * `producerName`; its passcode generated unless OPERATOR_PASSCODE is set. An older version's
   * `operator-passcode` file is hashed into the store and deleted.
   */
  static async start(
    store: PeopleStore,
    options: { dataDir: string; configuredPasscode: string | undefined; producerName: string; now: number },
  ): Promise<{ signIn: CrewSignIn; firstProducer: FirstProducerStart }> {
    const file = path.join(options.dataDir, OLD_PASSCODE_FILE);
    const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() || null : null;
    const configured = options.configuredPasscode;
    const started: FirstProducerStart = {};
    const tell = (secret: string) => {
      // A passcode OPERATOR_PASSCODE overrides is not the one to use: not printed.
      if (configured) return;
      if (old !== null) started.movedPasscode = secret;
      else started.generatedPasscode = secret;
    };

    if (!(await store.person(FIRST_PRODUCER_ID))) {
      const secret = configured && old === null ? null : (old ?? randomBytes(9).toString('base64url'));
      const added = await store.addPerson({
        id: FIRST_PRODUCER_ID,
        name: options.producerName,
        role: 'producer',
        secretHash: secret ? await hashSecret(secret) : '',
        createdAt: options.now,
        createdBy: null,
        disabledAt: null,
      });
      // Not added: another process of the deployment made it first (and prints its passcode).
      if (added && secret) tell(secret);
    }
    const producer = await store.person(FIRST_PRODUCER_ID);
    // A first producer whose secret was OPERATOR_PASSCODE, started now without it (or with an old file).
    if (producer && producer.secretHash === '' && (!configured || old !== null)) {
      const secret = old ?? randomBytes(9).toString('base64url');
      if (await store.setSecretHash(FIRST_PRODUCER_ID, await hashSecret(secret), '')) tell(secret);
    }
    if (old !== null || fs.existsSync(file)) fs.rmSync(file, { force: true });
    const dummyHash = await hashSecret(randomBytes(16).toString('base64url'));
    return { signIn: new CrewSignIn(store, configured, dummyHash), firstProducer: started };
  }

  /** `{passcode}`: the first producer, as before people had names. */
  async byPasscode(passcode: unknown): Promise<SignInOutcome> {
    const producer = await this.store.person(FIRST_PRODUCER_ID);
    return this.check(producer, passcode);
  }

  /** `{name, secret}`: a person of the crew. */
  async byName(name: unknown, secret: unknown): Promise<SignInOutcome> {
    const person = typeof name === 'string' && name.length <= 200 ? await this.store.personByName(name) : null;
    return this.check(person, secret);
  }

  private async check(person: Person | null, secret: unknown): Promise<SignInOutcome> {
    const candidate = typeof secret === 'string' && secret.length <= 1000 ? secret : '';
    const right = await this.secretIsRight(person, candidate);
    if (!right || !person) return { ok: false, reason: 'wrong' };
    if (person.disabledAt !== null) return { ok: false, reason: 'disabled' };
    return { ok: true, person };
  }

  private async secretIsRight(person: Person | null, candidate: string): Promise<boolean> {
    if (person?.id === FIRST_PRODUCER_ID && this.configuredPasscode) return candidate.length > 0 && secretsEqual(candidate, this.configuredPasscode);
    if (!person || person.secretHash === '' || candidate.length === 0) {
      await verify(this.dummyHash, candidate || 'x').catch(() => false);
      return false;
    }
    return verify(person.secretHash, candidate).catch(() => false);
  }
}
