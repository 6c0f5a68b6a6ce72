import { useTranslate, type RaRecord } from 'react-admin';
import { DEPARTMENT_HONOR, POSITION_KIND, codesOf } from '@alliance/domain';
import { useCodeLabel } from '../common/fields';
import { useAttachmentUrl } from '../applications/Attachments';
import type { AttachmentRecord } from '../data/dataProvider';
import { PrintPage, show } from '../print/PrintLayout';

const PhotoCell = ({ record }: { record: RaRecord }) => {
  const translate = useTranslate();
  const photo = ((Array.isArray(record.attachments) ? record.attachments : []) as AttachmentRecord[]).find((a) => a.kind === 'photo');
  const { url } = useAttachmentUrl(photo?.id ?? null);
  return url ? (
    <img src={url} alt="" style={{ maxWidth: '100%', maxHeight: '170px', objectFit: 'contain', display: 'block', margin: '0 auto' }} />
  ) : (
    <span>{translate('resources.member-applications.fields.photo')}</span>
  );
};

const MemberPaper = ({ record }: { record: RaRecord }) => {
  const translate = useTranslate();
  const label = useCodeLabel();
  const t = (key: string, args?: Record<string, unknown>) => translate(`app.print.${key}`, args);
  const f = (field: string) => translate(`resources.member-applications.fields.${field}`);
  const honors = (Array.isArray(record.departmentHonors) ? record.departmentHonors : []) as { kind: string; text?: string }[];
  const position = (record.position ?? {}) as { kind?: string; text?: string };
  const commitment = (record.commitment ?? {}) as { accepted?: boolean; date?: string };
  const opinion = (record.schoolOpinion ?? {}) as { signer?: string; date?: string };
  const box = (on: boolean) => (on ? '☑' : '☐');

  return (
    <>
      <div className="paper-annex">{t('annex', { n: 2 })}</div>
      <div className="paper-title">
        {t('alliance')}
        <br />
        {t('member_title')}
      </div>
      <table className="paper-table">
        <colgroup>
          <col style={{ width: '16%' }} />
          <col style={{ width: '22%' }} />
          <col style={{ width: '16%' }} />
          <col style={{ width: '22%' }} />
          <col style={{ width: '24%' }} />
        </colgroup>
        <tbody>
          <tr>
            <th>{f('school.name')}</th>
            <td colSpan={4}>{show((record.school as RaRecord | undefined)?.name)}</td>
          </tr>
          <tr>
            <th>{t('department_name')}</th>
            <td colSpan={4}>{show((record.department as RaRecord | undefined)?.name)}</td>
          </tr>
          <tr>
            <th>{f('departmentHonors')}</th>
            <td colSpan={4}>
              {codesOf(DEPARTMENT_HONOR).map((code) => {
                const held = honors.filter((h) => h.kind === code);
                return (
                  <div key={code}>
                    {box(held.length > 0)} {label('department_honor', code)}
                    {held.map((h) => h.text).filter(Boolean).join('、') || '______'}。
                  </div>
                );
              })}
            </td>
          </tr>
          <tr>
            <th>{f('name')}</th>
            <td>{show(record.name)}</td>
            <th>{f('gender')}</th>
            <td>{label('gender', record.gender)}</td>
            <td rowSpan={5} style={{ textAlign: 'center' }}>
              <PhotoCell record={record} />
            </td>
          </tr>
          <tr>
            <th>{f('birthMonth')}</th>
            <td>{show(record.birthMonth)}</td>
            <th>{f('politicalStatus')}</th>
            <td>{label('political_status', record.politicalStatus)}</td>
          </tr>
          <tr>
            <th>{f('education')}</th>
            <td>{label('education', record.education)}</td>
            <th>{f('degree')}</th>
            <td>{label('degree', record.degree)}</td>
          </tr>
          <tr>
            <th>{f('almaMater')}</th>
            <td>{show(record.almaMater)}</td>
            <th>{f('studiedMajor')}</th>
            <td>{show(record.studiedMajor)}</td>
          </tr>
          <tr>
            <th>{f('teachingYears')}</th>
            <td>{show(record.teachingYears)}</td>
            <th>{f('title')}</th>
            <td>{show(record.title)}</td>
          </tr>
          <tr>
            <th>{f('field')}</th>
            <td colSpan={4}>{show(record.field)}</td>
          </tr>
          <tr>
            <th>{f('position')}</th>
            <td colSpan={4}>
              {codesOf(POSITION_KIND).map((code) => (
                <div key={code}>
                  {box(position.kind === code)}{' '}
                  {t(`position_line.${code}`, {
                    label: label('position_kind', code),
                    text: position.kind === code && position.text ? position.text : '______',
                  })}
                </div>
              ))}
            </td>
          </tr>
          <tr>
            <th>{f('mobile')}</th>
            <td>{show(record.mobile)}</td>
            <th>{f('email')}</th>
            <td colSpan={2}>{show(record.email)}</td>
          </tr>
          <tr>
            <th>{f('address')}</th>
            <td colSpan={4}>{show(record.address)}</td>
          </tr>
          <tr>
            <th>{f('seat')}</th>
            <td>{label('seat', record.seat)}</td>
            <th>{f('targetGroup')}</th>
            <td colSpan={2}>{label('target_group', record.targetGroup)}</td>
          </tr>
          <tr>
            <th>{f('achievements')}</th>
            <td colSpan={4} className="text">
              {show(record.achievements)}
            </td>
          </tr>
          <tr>
            <th>{f('experience')}</th>
            <td colSpan={4} className="text">
              {show(record.experience)}
              <div style={{ marginTop: 8 }}>
                {t('industry', {
                  years: record.industryYears === null || record.industryYears === undefined ? '____' : String(record.industryYears),
                  work: show(record.industryWork) || '______',
                })}
              </div>
            </td>
          </tr>
          <tr>
            <th>{f('awards')}</th>
            <td colSpan={4} className="text">
              {show(record.awards)}
            </td>
          </tr>
          <tr>
            <th>{t('memberships')}</th>
            <td colSpan={4} className="text">
              {show(record.memberships)}
            </td>
          </tr>
          <tr>
            <th>{f('commitment')}</th>
            <td colSpan={4}>
              <div>
                {box(!!commitment.accepted)} {translate('app.member.commitment_text')}
              </div>
              <div className="paper-sign">{t('self_sign', { name: commitment.accepted ? show(record.name) : '______' })}</div>
              <div className="paper-sign">{commitment.date ? show(commitment.date) : t('date_blank')}</div>
            </td>
          </tr>
          <tr>
            <th>{t('member_opinion')}</th>
            <td colSpan={4}>
              <div style={{ height: 40 }} />
              <div className="paper-sign">{t('signer', { name: show(opinion.signer) })}</div>
              <div className="paper-sign">{t('unit_seal')}</div>
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
      <div className="paper-notes">{translate('app.member.notes')}</div>
    </>
  );
};

/** The print view of 附件2 (route /member-applications/:id/print). */
export const MemberApplicationPrint = () => (
  <PrintPage resource="member-applications">{(record) => <MemberPaper record={record} />}</PrintPage>
);
