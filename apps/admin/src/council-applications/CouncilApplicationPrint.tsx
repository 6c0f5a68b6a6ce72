import { Fragment } from 'react';
import { useTranslate, type RaRecord } from 'react-admin';
import { LIMITS, OWNERSHIP, SCHOOL_HONOR, SCHOOL_TYPE, codesOf } from '@alliance/domain';
import { useCodeLabel } from '../common/fields';
import { Boxes, PrintPage, show } from '../print/PrintLayout';

interface Department {
  name?: string;
  category?: string;
  establishedOn?: string;
  majorSharePct?: number | null;
  avgEnrollment3y?: number | null;
  headName?: string;
  headPosition?: string;
  strongMajors?: string[];
}
type Person = { name?: string; position?: string; phone?: string; email?: string } | undefined;

const CouncilPaper = ({ record }: { record: RaRecord }) => {
  const translate = useTranslate();
  const label = useCodeLabel();
  const t = (key: string, args?: Record<string, unknown>) => translate(`app.print.${key}`, args);
  const f = (field: string) => translate(`resources.council-applications.fields.${field}`);
  const school = (record.school ?? {}) as RaRecord;
  const honors = Array.isArray(school.honors) ? school.honors : [];
  const departments = (Array.isArray(record.departments) ? record.departments : []) as Department[];
  // The paper form has three department blocks; empty ones print blank, like the paper.
  const slots: Department[] = Array.from({ length: LIMITS.departmentsPerApplication.max }, (_, i) => departments[i] ?? {});
  const opinion = (record.schoolOpinion ?? {}) as { recommendedRepresentative?: string; signer?: string; date?: string };
  const person = (title: string, p: Person) => (
    <>
      <tr>
        <th rowSpan={2}>{title}</th>
        <th>{t('name')}</th>
        <td>{show(p?.name)}</td>
        <th>{t('position')}</th>
        <td>{show(p?.position)}</td>
      </tr>
      <tr>
        <th>{t('phone')}</th>
        <td>{show(p?.phone)}</td>
        <th>{t('email')}</th>
        <td>{show(p?.email)}</td>
      </tr>
    </>
  );
  const options = (codes: readonly string[], table: 'school_type' | 'ownership' | 'school_honor') =>
    codes.map((code) => ({
      code,
      label: code === 'other' && table === 'school_honor' ? `${label(table, code)}${show(school.honorsOther) || '____'}` : label(table, code),
    }));

  return (
    <>
      <div className="paper-annex">{t('annex', { n: 1 })}</div>
      <div className="paper-title">
        {t('alliance')}
        <br />
        {t('council_title')}
      </div>
      <table className="paper-table">
        <tbody>
          <tr>
            <th>{f('school.name')}</th>
            <td colSpan={4}>{show(school.name)}</td>
          </tr>
          <tr>
            <th>{f('school.type')}</th>
            <td colSpan={4}>
              <Boxes options={options(codesOf(SCHOOL_TYPE), 'school_type')} checked={[school.type]} />
            </td>
          </tr>
          <tr>
            <th>{f('school.ownership')}</th>
            <td colSpan={4}>
              <Boxes options={options(codesOf(OWNERSHIP), 'ownership')} checked={[school.ownership]} />
            </td>
          </tr>
          <tr>
            <th>{f('school.honors')}</th>
            <td colSpan={4}>
              <Boxes options={options(codesOf(SCHOOL_HONOR), 'school_honor')} checked={honors} />
            </td>
          </tr>
          <tr>
            <th>{f('equipmentMajorShare5yPct')}</th>
            <td colSpan={4}>{record.equipmentMajorShare5yPct === null || record.equipmentMajorShare5yPct === undefined ? '' : `${record.equipmentMajorShare5yPct} %`}</td>
          </tr>
          {person(f('representative'), record.representative as Person)}
          {person(f('contact'), record.contact as Person)}
          <tr>
            <th colSpan={5} style={{ width: 'auto' }}>
              {f('departments')}
            </th>
          </tr>
          {slots.map((d, i) => {
            const majors = d.strongMajors ?? [];
            return (
              <Fragment key={i}>
                <tr>
                  <th>{f('departments.name')}</th>
                  <td colSpan={2}>
                    {show(d.name)}
                    {d.category ? `（${label('department_category', d.category)}）` : ''}
                  </td>
                  <th>{f('departments.establishedOn')}</th>
                  <td>{show(d.establishedOn)}</td>
                </tr>
                <tr>
                  <th>{t('major_share')}</th>
                  <td colSpan={2}>{d.majorSharePct === null || d.majorSharePct === undefined ? '%' : `${d.majorSharePct} %`}</td>
                  <th>{f('departments.avgEnrollment3y')}</th>
                  <td>{show(d.avgEnrollment3y)}</td>
                </tr>
                <tr>
                  <th>{f('departments.headName')}</th>
                  <td colSpan={2}>{show(d.headName)}</td>
                  <th>{t('position')}</th>
                  <td>{show(d.headPosition)}</td>
                </tr>
                <tr>
                  <th>{f('departments.strongMajors')}</th>
                  <td colSpan={4}>
                    {[0, 2, 4].map((row) => (
                      <div key={row} style={{ display: 'flex' }}>
                        <span style={{ flex: 1 }}>{`${row + 1}. ${show(majors[row])}`}</span>
                        <span style={{ flex: 1 }}>{`${row + 2}. ${show(majors[row + 1])}`}</span>
                      </div>
                    ))}
                  </td>
                </tr>
              </Fragment>
            );
          })}
          <tr>
            <th>{f('schoolOpinion')}</th>
            <td colSpan={4}>
              <div>{translate('app.council.opinion_text', { name: opinion.recommendedRepresentative || '______' })}</div>
              <div className="paper-sign">
                {t('signer', { name: show(opinion.signer) })}
                <span style={{ marginLeft: '2em' }}>{t('school_seal')}</span>
              </div>
              <div className="paper-sign">{opinion.date ? show(opinion.date) : t('date_blank')}</div>
            </td>
          </tr>
          <tr>
            <th>{f('suggestions')}</th>
            <td colSpan={4} className="text">
              {show(record.suggestions)}
            </td>
          </tr>
        </tbody>
      </table>
      <div className="paper-notes">{translate('app.council.notes')}</div>
    </>
  );
};

/** The print view of 附件1 (route /council-applications/:id/print). */
export const CouncilApplicationPrint = () => (
  <PrintPage resource="council-applications">{(record) => <CouncilPaper record={record} />}</PrintPage>
);
