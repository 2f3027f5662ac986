import { registerEnumType } from 'type-graphql';
import { Direction, Protocol, RuleAction } from '../domain/security-group';

registerEnumType(Direction, { name: 'Direction' });
registerEnumType(Protocol, { name: 'Protocol' });
registerEnumType(RuleAction, { name: 'RuleAction' });

export { Direction, Protocol, RuleAction };
