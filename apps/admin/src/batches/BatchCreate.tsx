import { Create } from 'react-admin';
import { BatchForm } from './BatchForm';

export const BatchCreate = () => (
  <Create redirect="list">
    <BatchForm />
  </Create>
);
