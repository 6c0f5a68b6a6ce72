import { TextInput, type TextInputProps } from 'react-admin';
import { fromShanghaiInput, toShanghaiInput } from '../lib/time';

/**
 * A date-time typed and shown in Asia/Shanghai time whatever the browser's zone; the form
 * value is the ISO 8601 instant the API expects.
 */
export const ShanghaiDateTimeInput = (props: Omit<TextInputProps, 'type' | 'format' | 'parse'>) => (
  <TextInput
    {...props}
    type="datetime-local"
    format={toShanghaiInput}
    parse={fromShanghaiInput}
    slotProps={{ inputLabel: { shrink: true } }}
  />
);
