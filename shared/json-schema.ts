import { z } from 'zod';
import { CeremonySchema } from './ceremony';

/** The JSON Schema of a ceremony definition, published at docs/ceremony.schema.json. */
export function ceremonyJsonSchema(): object {
  return {
    ...z.toJSONSchema(CeremonySchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }),
    $id: 'https://podium.invalid/ceremony.schema.json',
    title: 'Podium ceremony definition',
    description: 'A ceremony: its run of show and its categories with their (secret) results. See docs/ceremony-format.md.',
  };
}
