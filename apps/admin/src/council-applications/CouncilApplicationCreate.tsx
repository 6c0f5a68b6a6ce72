import { ApplicationCreate } from '../applications/ApplicationPages';
import { ownSchoolId } from '../applications/formParts';
import { CouncilApplicationForm } from './CouncilApplicationForm';

export const CouncilApplicationCreate = () => (
  <ApplicationCreate
    form={
      <CouncilApplicationForm
        isCreate
        defaultValues={{ schoolId: ownSchoolId(), departments: [{ strongMajors: [] }] }}
      />
    }
  />
);
