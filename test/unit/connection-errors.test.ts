import { isConnectionError, isEndedTransactionError } from '../../cms/src/cluster/connection-errors';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isConnectionError', () => {
  test.each([
    ['refused', withCode('ECONNREFUSED'), true],
    ['reset', withCode('ECONNRESET'), true],
    ['server shutting down (57P01)', withCode('57P01', 'terminating connection due to administrator command'), true],
    ['starting up (57P03)', withCode('57P03'), true],
    ['connection exception class 08', withCode('08006'), true],
    ['dropped connection by message', new Error('Connection terminated unexpectedly'), true],
    ['pool timeout', Object.assign(new Error('Knex: Timeout acquiring a connection'), { name: 'KnexTimeoutError' }), true],
    ['wrapped in a cause', new Error('outer', { cause: withCode('ECONNREFUSED') }), true],
    ['inside an AggregateError', new AggregateError([withCode('ECONNREFUSED')], 'all failed'), true],
    ['unique violation', withCode('23505'), false],
    ['value too long', withCode('22001'), false],
    ['ended transaction alone', new Error('Transaction query already complete, run with DEBUG=knex:tx for more info'), false],
    ['plain bug', new TypeError('x is undefined'), false],
    ['not an error', 'ECONNREFUSED', false],
  ])('%s', (_name, error, expected) => {
    expect(isConnectionError(error)).toBe(expected);
  });
});

describe('isEndedTransactionError', () => {
  test.each([
    ["Knex's message", new Error('Transaction query already complete, run with DEBUG=knex:tx for more info'), true],
    ['a connection error', withCode('ECONNREFUSED'), false],
    ['the words elsewhere in a message', new Error('Cannot parse: Transaction query already complete'), false],
    ['not an Error', 'Transaction query already complete', false],
  ])('%s', (_name, error, expected) => {
    expect(isEndedTransactionError(error)).toBe(expected);
  });
});
