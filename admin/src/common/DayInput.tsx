import { TextInput, type TextInputProps, type Validator } from 'react-admin';
import { dayForInput, dayFromInput } from './dates';

/*
 * A browser's own date input orders day and month by the browser's language (mm/dd/yyyy in a US
 * browser), whatever the page says. The product is read in the UK, so dates are typed as dd/mm/yyyy
 * in a text input; the form holds the API's yyyy-mm-dd once the text names a real day, and the
 * text as typed until then (so a half-typed date is kept and flagged, not lost).
 */
const toText = (value: unknown) => (typeof value === 'string' ? (dayForInput(value) ?? value) : '');
const toValue = (text: string) => (text.trim() === '' ? null : (dayFromInput(text) ?? text));
const realDay: Validator = (value) =>
  value == null || value === '' || (typeof value === 'string' && dayFromInput(value)) ? undefined : 'Type the date as dd/mm/yyyy, e.g. 31/03/2027';

/** A calendar date typed as dd/mm/yyyy; the form and the API see yyyy-mm-dd. */
export function DayInput({ validate, helperText, ...props }: TextInputProps) {
  const validators = [realDay, ...(Array.isArray(validate) ? validate : validate ? [validate] : [])];
  return (
    <TextInput
      {...props}
      format={toText}
      parse={toValue}
      validate={validators}
      placeholder="dd/mm/yyyy"
      helperText={helperText ?? 'For example, 31/03/2027'}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { inputMode: 'text', autoComplete: 'off', maxLength: 10 } }}
    />
  );
}
