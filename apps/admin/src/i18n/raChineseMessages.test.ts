import englishMessages from 'ra-language-english';
import { raChineseMessages } from './raChineseMessages';
import { flatten, placeholdersByForm } from './testUtils';

const en = flatten(englishMessages);
const zh = flatten(raChineseMessages);

describe('zh-CN messages of react-admin', () => {
  it('has exactly the keys of ra-language-english', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(zh).length).toBeGreaterThanOrEqual(164);
  });

  it.each(Object.keys(en))('%s keeps the placeholders and plural forms', (key) => {
    expect(placeholdersByForm(zh[key])).toEqual(placeholdersByForm(en[key]));
  });

  it('is translated: no message left in English', () => {
    const untranslated = Object.entries(zh).filter(
      ([key, value]) => value === en[key] && value.replace(/%\{\w+\}/g, '').trim() !== '' && key !== 'ra.boolean.null',
    );
    expect(untranslated).toEqual([]);
  });

  it('writes Chinese', () => {
    const withCjk = Object.values(zh).filter((v) => /[\u4e00-\u9fff]/.test(v));
    // every message but the pure-placeholder ones (page.list, page.edit, page.show) and boolean.null
    expect(withCjk.length).toBeGreaterThanOrEqual(Object.keys(zh).length - 4);
  });
});
