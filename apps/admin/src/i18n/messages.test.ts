import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  ACTION, FIELD_LABEL, FINDING_LEVEL, PROVINCES, ROLE, RULE, SCHOOL_TYPE, STATE, TARGET_GROUPS, codesOf,
} from '@alliance/domain';
import { buildMessages } from './messages';
import { CODE_TABLES, choicesOf, codeLabel, codeKey } from './codes';
import { RESOURCES } from './resources';
import { APP_MESSAGES } from './appMessages';
import { i18nProvider } from './i18nProvider';
import { flatten, placeholdersByForm } from './testUtils';

const zh = flatten(buildMessages('zh-CN'));
const en = flatten(buildMessages('en'));
const SRC = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('console messages', () => {
  it('zh-CN and en have the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('zh-CN and en use the same placeholders in the console’s own messages', () => {
    const appKeys = Object.keys(zh).filter((k) => k.startsWith('app.'));
    for (const key of appKeys) {
      const zhSet = [...new Set(placeholdersByForm(zh[key]).flat())].sort();
      const enSet = [...new Set(placeholdersByForm(en[key]).flat())].sort();
      expect({ key, placeholders: zhSet }).toEqual({ key, placeholders: enSet });
    }
  });

  it('no message is empty', () => {
    const empty = Object.entries({ ...zh }).filter(([k, v]) => v.trim() === '' && k !== 'ra.boolean.null');
    expect(empty).toEqual([]);
  });

  it('every resource has a name and every field key a zh label (and an en one)', () => {
    for (const [resource, { fields }] of Object.entries(RESOURCES)) {
      expect(zh[`resources.${resource}.name`]).toMatch(/[\u4e00-\u9fff]/);
      for (const field of Object.keys(fields)) {
        expect({ key: `${resource}.${field}`, zh: zh[`resources.${resource}.fields.${field}`] }).toEqual({
          key: `${resource}.${field}`,
          zh: expect.stringMatching(/\S/),
        });
        expect(en[`resources.${resource}.fields.${field}`]).toMatch(/\S/);
      }
    }
  });

  it('labels every form field of @alliance/domain in both application resources, from the domain', () => {
    for (const resource of ['council-applications', 'member-applications']) {
      for (const [field, label] of Object.entries(FIELD_LABEL)) {
        if (field === 'kind') continue; // an application's kind is not the roster's kind
        expect(zh[`resources.${resource}.fields.${field}`]).toBe(label.zh);
        expect(en[`resources.${resource}.fields.${field}`]).toBe(label.en);
      }
    }
  });

  it('every source="…" used in a resource folder has a field label', () => {
    // a resource folder, and the folder shared by both application resources
    const folders: [string, string[]][] = [
      ...Object.keys(RESOURCES).map((r): [string, string[]] => [r, [r]]),
      ['applications', ['council-applications', 'member-applications']],
    ];
    const missing: string[] = [];
    let checked = 0;
    for (const [folder, resources] of folders) {
      let files: string[] = [];
      try {
        files = sourceFiles(join(SRC, folder));
      } catch {
        continue;
      }
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/\bsource="([\w.]+)"/g)) {
          checked += 1;
          // inputs inside an ArrayInput are relative to it; their label key is `<array>.<field>`
          const candidates = [m[1], ...['departments', 'departmentHonors'].map((a) => `${a}.${m[1]}`)];
          for (const resource of resources) {
            if (!candidates.some((c) => zh[`resources.${resource}.fields.${c}`])) {
              missing.push(`${relative(SRC, file)}: ${resource}.${m[1]}`);
            }
          }
        }
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(150);
  });

  it('every app.* key written in the sources exists in both languages', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/['"`](app\.[a-z0-9_.]+[a-z0-9_])['"`]/g)) {
        checked += 1;
        if (!(m[1] in zh) || !(m[1] in en)) missing.push(`${relative(SRC, file)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(150);
  });

  it('keys built from codes exist for every code', () => {
    for (const action of codesOf(ACTION)) {
      expect(zh[`app.transition.describe.${action}`]).toBeDefined();
    }
    for (const kind of ['dean', 'vice_dean', 'program_leader', 'other']) {
      expect(zh[`app.print.position_line.${kind}`]).toBeDefined();
    }
    for (const kind of ['vice_dean', 'program_leader', 'other']) {
      expect(zh[`app.member.position_text.${kind}`]).toBeDefined();
    }
    for (const action of ['resend', 'revoke']) {
      for (const suffix of ['', '_confirm', '_done']) expect(zh[`app.invitations.${action}${suffix}`]).toBeDefined();
    }
    expect(Object.keys(APP_MESSAGES.my.steps)).toHaveLength(6);
  });
});

describe('codes', () => {
  it('translates every code of every table with the domain label', () => {
    for (const [table, codes] of Object.entries(CODE_TABLES)) {
      for (const [code, label] of Object.entries(codes)) {
        expect(zh[codeKey(table as keyof typeof CODE_TABLES, code)]).toBe((label as { zh: string }).zh);
        expect(en[codeKey(table as keyof typeof CODE_TABLES, code)]).toBe((label as { en: string }).en);
      }
    }
    expect(zh['codes.state.returned']).toBe(STATE.returned.zh);
    expect(zh['codes.role.lead']).toBe(ROLE.lead.zh);
    expect(zh['codes.rule.seat_quota']).toBe(RULE.seat_quota.zh);
    expect(zh['codes.finding_level.block']).toBe(FINDING_LEVEL.block.zh);
  });

  it('makes choices named by translation keys, target groups as numbers', () => {
    expect(choicesOf('school_type')).toEqual(codesOf(SCHOOL_TYPE).map((c) => ({ id: c, name: `codes.school_type.${c}` })));
    expect(choicesOf('target_group').map((c) => c.id)).toEqual([...TARGET_GROUPS]);
    expect(choicesOf('role', ['expert', 'lead']).map((c) => c.id)).toEqual(['lead', 'expert']);
    expect(PROVINCES).toHaveLength(34);
  });

  it('labels a code, or shows an unknown code as it is', () => {
    expect(codeLabel('school_type', 'higher_vocational', 'zh')).toBe(SCHOOL_TYPE.higher_vocational.zh);
    expect(codeLabel('target_group', 3, 'en')).toMatch(/young/i);
    expect(codeLabel('state', 'nonsense', 'zh')).toBe('nonsense');
    expect(codeLabel('state', null, 'zh')).toBe('');
  });
});

describe('i18nProvider', () => {
  it('is Chinese first and offers English', () => {
    expect(i18nProvider.getLocale()).toBe('zh-CN');
    expect(i18nProvider.getLocales?.().map((l) => l.locale)).toEqual(['zh-CN', 'en']);
    expect(i18nProvider.translate('ra.action.save')).toBe('保存');
    expect(i18nProvider.translate('resources.council-applications.fields.representative.name')).toBe(
      FIELD_LABEL['representative.name'].zh,
    );
    expect(i18nProvider.translate('resources.council-applications.fields.representative')).toBe(FIELD_LABEL.representative.zh);
  });

  it('uses the first form for one item and the second for several, in Chinese too', () => {
    expect(i18nProvider.translate('ra.action.bulk_actions', { smart_count: 1 })).toBe('已选择 1 项');
    expect(i18nProvider.translate('ra.action.bulk_actions', { smart_count: 3 })).toBe('已选择 3 项');
    expect(i18nProvider.translate('resources.users.name', { smart_count: 2 })).toBe('用户');
  });

  it('switches to English and back', async () => {
    await i18nProvider.changeLocale('en');
    expect(i18nProvider.translate('ra.action.save')).toBe('Save');
    expect(i18nProvider.translate('ra.action.bulk_actions', { smart_count: 3 })).toBe('3 items selected');
    expect(i18nProvider.translate('codes.state.admitted')).toBe(STATE.admitted.en);
    await i18nProvider.changeLocale('zh-CN');
    expect(i18nProvider.translate('codes.state.admitted')).toBe(STATE.admitted.zh);
  });
});
