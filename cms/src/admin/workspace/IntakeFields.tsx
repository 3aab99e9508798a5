/** The intake's fields: a label, the input, its hint and its error, on plain values keyed by the case's field names. */
import * as React from 'react';
import { Box, Checkbox, Field, Flex, Radio, TextInput, Typography } from '@strapi/design-system';
import { GrowingTextarea } from '../GrowingTextarea';

export type Values = Record<string, string | boolean>;
export type Errors = Record<string, string>;

/** Every field error of a refused save, by field; the first message for a field wins. */
export function fieldErrors(error: unknown, fallback = 'Henvendelsen kunne ikke gemmes.'): { message: string; fields: Errors } {
  const body = (error as { response?: { data?: { error?: { message?: string; details?: { errors?: { path?: unknown[]; message: string }[] } } } } })?.response
    ?.data?.error;
  const fields: Errors = {};
  for (const e of body?.details?.errors ?? []) fields[String(e.path?.[0] ?? '')] ||= e.message;
  return { message: body?.message ?? fallback, fields };
}

interface FieldProps {
  name: string;
  label: string;
  values: Values;
  errors: Errors;
  set: (name: string, value: string | boolean) => void;
  hint?: string;
  required?: boolean;
}

export const Text = ({ name, label, values, errors, set, hint, required, type = 'text' }: FieldProps & { type?: string }) => (
  <Field.Root name={name} error={errors[name]} hint={hint} required={required}>
    <Field.Label>{label}</Field.Label>
    <TextInput type={type} value={String(values[name] ?? '')} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(name, e.target.value)} />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);

export const LongText = ({ name, label, values, errors, set, hint, required }: FieldProps) => (
  <Field.Root name={name} error={errors[name]} hint={hint} required={required}>
    <Field.Label>{label}</Field.Label>
    <GrowingTextarea value={String(values[name] ?? '')} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => set(name, e.target.value)} />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);

export const Choices = ({ name, label, values, errors, set, options, required, hint }: FieldProps & { options: [string, string][] }) => (
  <Field.Root name={name} error={errors[name]} required={required} hint={hint}>
    <Field.Label id={`${name}-label`}>{label}</Field.Label>
    <Radio.Group aria-labelledby={`${name}-label`} value={String(values[name] ?? '')} onValueChange={(value: string) => set(name, value)}>
      <Flex gap={4} wrap="wrap">
        {options.map(([value, text]) => (
          <Radio.Item key={value} value={value}>
            {text}
          </Radio.Item>
        ))}
      </Flex>
    </Radio.Group>
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);

export const Check = ({ name, label, values, errors, set, hint }: Omit<FieldProps, 'required'>) => (
  <Field.Root name={name} error={errors[name]} hint={hint}>
    <Checkbox checked={Boolean(values[name])} onCheckedChange={(checked: boolean) => set(name, checked === true)}>
      {label}
    </Checkbox>
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);

/** A date and time as a datetime-local input holds it, in the browser's time zone. */
export const localDateTime = (value: Date) => {
  const local = new Date(value);
  local.setMinutes(local.getMinutes() - local.getTimezoneOffset(), 0, 0);
  return local.toISOString().slice(0, 16);
};

/** A refused save: its message, and every field's error when there is more than one. */
export const Refusal = ({ message, errors }: { message: string | null; errors: Errors }) =>
  message ? (
    <Box padding={4} background="danger100" hasRadius role="alert">
      <Typography textColor="danger700" fontWeight="bold">
        {message}
      </Typography>
      {Object.keys(errors).length > 1 && (
        <ul>
          {Object.values(errors).map((text) => (
            <li key={text}>
              <Typography textColor="danger700">{text}</Typography>
            </li>
          ))}
        </ul>
      )}
    </Box>
  ) : null;
