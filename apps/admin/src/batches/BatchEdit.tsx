import { Edit } from 'react-admin';
import { EditError } from '../common/states';
import { BatchForm } from './BatchForm';

/** The lead may extend a deadline (DOMAIN.md, Batches). */
export const BatchEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" error={<EditError />}>
    <BatchForm />
  </Edit>
);
