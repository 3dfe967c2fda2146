import { describe, expect, it } from 'vitest';
import type { CeremonyDefinition } from '../../shared/ceremony';
import { buildCues, entriesForSlot, toPublicCeremony } from '../../shared/cues';
import { CeremonyEventSchema } from '../../shared/event-schema';
import { toPublicEvent } from '../../shared/events';
import { projectPublic } from '../../shared/projection';
import { withStandIns } from '../../shared/stand-ins';
import { Harness, seedCeremony } from '../helpers/ceremony-harness';

const LOGO = 'a'.repeat(64);
const PHOTO = 'b'.repeat(64);

/** The seed ceremony (organizations named by recipients) with a logo on every organization and a photo on every recipient. */
function withImages(): CeremonyDefinition {
  const def = seedCeremony();
  def.organizations = def.organizations!.map((o) => ({ ...o, logo: LOGO }));
  for (const c of def.categories) {
    for (const r of c.kind === 'ranked' ? c.results : c.nominees) r.recipient = { ...r.recipient, photo: PHOTO };
  }
  return def;
}

describe('[S32] images on the screens', () => {
  it('a reveal carries the photo with its recipient and the logo of the organization it names; the events keep their schema', () => {
    const def = withImages();
    const h = new Harness(def).goToEnd();
    const reveals = h.log.filter((e) => e.type === 'result_revealed');
    const withOrganization = reveals.flatMap((e) => e.entries).filter((entry) => entry.recipient.organizationId !== undefined);
    expect(withOrganization.length).toBeGreaterThan(0);
    for (const entry of withOrganization) expect(entry).toMatchObject({ logo: LOGO, recipient: { photo: PHOTO } });
    for (const entry of reveals.flatMap((e) => e.entries).filter((en) => en.recipient.organizationId === undefined)) expect(entry.logo).toBeUndefined();
    for (const event of h.log) expect(CeremonyEventSchema.parse(event)).toEqual(event);
    // The audience sees them once revealed: the projection has them from the event.
    expect(JSON.stringify(projectPublic(h.state))).toContain(LOGO);
  });

  it('before a reveal nothing public names an image: not the public ceremony, not the first events', () => {
    const def = withImages();
    expect(JSON.stringify(toPublicCeremony(def))).not.toMatch(new RegExp(`${LOGO}|${PHOTO}`));
    const h = new Harness(def);
    h.go();
    expect(h.log.some((e) => e.type === 'result_revealed')).toBe(false);
    expect(JSON.stringify(h.log.map(toPublicEvent))).not.toMatch(new RegExp(`${LOGO}|${PHOTO}`));
    expect(JSON.stringify(projectPublic(h.state))).not.toMatch(new RegExp(`${LOGO}|${PHOTO}`));
  });

  it('a stand-in rehearsal never shows a real photo or logo', () => {
    const standIns = withStandIns(withImages());
    expect(JSON.stringify(standIns)).not.toMatch(new RegExp(`${LOGO}|${PHOTO}`));
    const h = new Harness(standIns).goToEnd();
    expect(JSON.stringify(h.log)).not.toMatch(new RegExp(`${LOGO}|${PHOTO}`));
  });

  it('the entries of a reveal are the same whoever computes them with the definition (decider, seal, previews)', () => {
    const def = withImages();
    const h = new Harness(def).goToEnd();
    for (const cue of buildCues(def).filter((c) => c.kind === 'reveal')) {
      const category = def.categories.find((c) => c.id === cue.categoryId)!;
      const event = h.log.find((e) => e.type === 'result_revealed' && e.cueId === cue.id);
      expect(event && 'entries' in event ? event.entries : null).toEqual(entriesForSlot(category, cue.slot!, def.organizations));
    }
  });
});
