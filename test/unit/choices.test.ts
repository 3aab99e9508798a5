import { choiceLists, deliveryStatuses } from '@borgerraadgiver/config';
import { choiceLabel, choiceLabelsOf, schemasWithChoices } from '../../cms/src/choices';
import { apiSchemas } from '../helpers/schemas';

const schemas = apiSchemas();

test('every content type with a choice field is known to the label lookup, and every list it names exists', () => {
  const withChoices = schemas.filter(({ schema }) => Object.values(schema.attributes).some((a) => a.options?.choices));
  expect(Object.keys(schemasWithChoices).sort()).toEqual(withChoices.map(({ uid }) => uid).sort());
  for (const { uid, schema } of withChoices)
    for (const [field, attribute] of Object.entries(schema.attributes))
      if (attribute.options?.choices)
        expect({ uid, field, list: attribute.options.choices, exists: attribute.options.choices in choiceLists }).toMatchObject({ exists: true });
});

test.each`
  uid                                           | field               | value       | expected
  ${'api::complaint.complaint'}                 | ${'channel'}        | ${'phone'}  | ${'Telefon'}
  ${'api::notification.notification'}           | ${'deliveryStatus'} | ${'failed'} | ${deliveryStatuses.failed}
  ${'api::statement-request.statement-request'} | ${'requestStatus'}  | ${'sendt'}  | ${choiceLists.statementRequestStatuses.sendt}
  ${'api::complaint.complaint'}                 | ${'description'}    | ${'phone'}  | ${undefined}
  ${'api::complaint.complaint'}                 | ${'channel'}        | ${'ukendt'} | ${undefined}
  ${'api::center.center'}                       | ${'name'}           | ${'x'}      | ${undefined}
`('$uid $field $value → $expected', ({ uid, field, value, expected }) => {
  expect(choiceLabel(uid, field, value)).toBe(expected);
});

test('a field that is not a choice has no labels', () => {
  expect(choiceLabelsOf('api::complaint.complaint', 'description')).toBeUndefined();
});
