import { registerBody } from './publicApi';

describe('registerBody', () => {
  it('registers with a listed school', () => {
    expect(registerBody({ email: ' a@b.cn ', password: 'secret123', confirm: 'secret123', name: ' 王五 ', schoolMode: 'existing', schoolId: '7' })).toEqual({
      email: 'a@b.cn',
      password: 'secret123',
      name: '王五',
      schoolId: 7,
    });
  });

  it('registers with a new school, keeping honorsOther only with the "other" honor', () => {
    const base = { email: 'a@b.cn', password: 'secret123', name: '王五', schoolMode: 'new', schoolId: 7 };
    expect(
      registerBody({
        ...base,
        school: { name: '某某职业技术学院', type: 'higher_vocational', ownership: 'public', honors: ['national_double_high'], honorsOther: 'x', province: '江苏' },
      }),
    ).toEqual({
      email: 'a@b.cn',
      password: 'secret123',
      name: '王五',
      school: { name: '某某职业技术学院', type: 'higher_vocational', ownership: 'public', honors: ['national_double_high'], honorsOther: null, province: '江苏' },
    });
    expect(
      registerBody({ ...base, school: { name: 'S', type: 'other', ownership: 'private', honors: ['other'], honorsOther: ' 省示范 ' } }).school,
    ).toMatchObject({ honors: ['other'], honorsOther: '省示范', province: null });
  });
});
