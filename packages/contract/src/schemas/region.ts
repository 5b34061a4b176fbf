import { type Static, Type } from 'typebox';

export const RegionLevel = Type.Union([
  Type.Literal('province'),
  Type.Literal('city'),
  Type.Literal('county'),
]);

export const Region = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    level: RegionLevel,
    parentCode: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'Region' },
);
export type Region = Static<typeof Region>;

export const RegionListQuery = Type.Object(
  {
    parentCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
    level: Type.Optional(RegionLevel),
  },
  { $id: 'RegionListQuery' },
);
export type RegionListQuery = Static<typeof RegionListQuery>;

export const RegionList = Type.Object({ items: Type.Array(Region) }, { $id: 'RegionList' });
export type RegionList = Static<typeof RegionList>;
