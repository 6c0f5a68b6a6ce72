import { useRecordContext, useResourceContext, useTranslate } from 'react-admin';

/** Page title of a show/edit page: the form's name, then who it is about. */
export const ApplicationTitle = () => {
  const record = useRecordContext();
  const resource = useResourceContext();
  const translate = useTranslate();
  const name = translate(`resources.${resource}.name`, { smart_count: 1 });
  if (!record) return <span>{name}</span>;
  const who = [record.name, (record.school as { name?: string } | undefined)?.name].filter(Boolean).join(' · ');
  return <span>{`${name} #${record.id}${who ? ` · ${who}` : ''}`}</span>;
};
