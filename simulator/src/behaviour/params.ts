/**
 * A model's parameter schema derived from its defaults: every default becomes an optional
 * parameter of the same type (numbers ≥ 0 unless `signed`), and nothing else is accepted (a typo is
 * an error, not a no-op).
 */
import { type TSchema, Type } from '@sinclair/typebox';

type Primitive = number | boolean | string;

export function paramsSchema(
  defaults: Record<string, Primitive>,
  opts: { literals?: Record<string, readonly string[]>; signed?: readonly string[] } = {},
): TSchema {
  const props: Record<string, TSchema> = {};
  for (const [key, value] of Object.entries(defaults)) {
    const literals = opts.literals?.[key];
    if (literals) props[key] = Type.Optional(Type.Union(literals.map((l) => Type.Literal(l))));
    else if (typeof value === 'number')
      props[key] = Type.Optional(opts.signed?.includes(key) ? Type.Number() : Type.Number({ minimum: 0 }));
    else if (typeof value === 'boolean') props[key] = Type.Optional(Type.Boolean());
    else if (typeof value === 'string') props[key] = Type.Optional(Type.String());
  }
  return Type.Object(props, { additionalProperties: false });
}
