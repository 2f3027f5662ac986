import { registerEnumType } from 'type-graphql';

export const ComparisonEnum = {
  GT: 'GT',
  GTE: 'GTE',
  LT: 'LT',
  LTE: 'LTE',
} as const;

registerEnumType(ComparisonEnum, { name: 'Comparison' });
