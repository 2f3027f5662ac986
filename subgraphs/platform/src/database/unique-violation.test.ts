import { isUniqueViolation, uniqueViolationColumn } from './unique-violation';

describe('uniqueViolationColumn', () => {
  // PGlite's adapter passes the raw PostgreSQL error; the pg adapter becomes Prisma's P2002.
  const pglite = (constraint: string, key: string) => ({
    name: 'DriverAdapterError',
    message: `duplicate key value violates unique constraint "${constraint}"`,
    cause: { kind: 'postgres', code: '23505', message: `duplicate key value violates unique constraint "${constraint}"`, detail: `Key (${key})=(x) already exists.` },
  });
  const p2002 = (field: string) => ({
    code: 'P2002',
    message: `Unique constraint failed on the fields: (\`${field}\`)`,
    meta: { modelName: 'User', driverAdapterError: { cause: { kind: 'UniqueConstraintViolation', constraint: { fields: [field] } } } },
  });

  it.each<[string, unknown, string | null]>([
    ['a PGlite username clash', pglite('users_username_key', 'username'), 'username'],
    ['a PGlite email clash', pglite('users_email_key', 'email'), 'email'],
    ['a pg-adapter username clash', p2002('username'), 'username'],
    ['a pg-adapter email clash', p2002('email'), 'email'],
    ['another error', new Error('connection reset'), null],
    ['a clash on a column not asked about', pglite('users_phone_key', 'phone'), null],
  ])('reads %s', (_case, err, column) => {
    expect(uniqueViolationColumn(err, ['username', 'email'])).toBe(column);
  });

  it('does not take a username clash for a name clash', () => {
    expect(uniqueViolationColumn(pglite('users_username_key', 'username'), ['name'])).toBeNull();
    expect(uniqueViolationColumn(pglite('projects_name_key', 'name'), ['name'])).toBe('name');
  });

  it('reads a snake_case column from a PGlite constraint name or a pg-adapter field name', () => {
    const columns = ['hostname', 'agent_address'];
    expect(uniqueViolationColumn(pglite('hosts_agent_address_key', 'agent_address'), columns)).toBe('agent_address');
    expect(uniqueViolationColumn(p2002('agentAddress'), columns)).toBe('agent_address');
  });
});

describe('isUniqueViolation', () => {
  it.each<[string, unknown, boolean]>([
    ['a pg-adapter P2002', { code: 'P2002' }, true],
    ['a PGlite 23505', { name: 'DriverAdapterError', cause: { code: '23505' } }, true],
    ["the adapter's UniqueConstraintViolation kind", { cause: { kind: 'UniqueConstraintViolation' } }, true],
    ['another Prisma error', { code: 'P2025' }, false],
    ['a plain error', new Error('connection reset'), false],
    ['a string', 'P2002', false],
    ['null', null, false],
  ])('tells %s', (_case, err, unique) => {
    expect(isUniqueViolation(err)).toBe(unique);
  });
});
