/**
 * Passwords seen most often in public breach corpora (lower-cased), including the ones
 * common among Chinese users. A password on this list is refused whatever its length.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '12345678', '123456789', '1234567890', '11111111', '00000000', '88888888', '66666666', '12341234',
  '87654321', '11223344', '12344321', '123123123', '147258369', '123456789a', 'a12345678', 'qwertyui',
  'password', 'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'iloveyou', 'sunshine',
  'qwerty123', 'qwertyuiop', '1qaz2wsx', '1q2w3e4r', '1q2w3e4r5t', 'zaq12wsx', 'asdfghjkl', 'asdf1234',
  'abc12345', 'abcd1234', 'abcdefgh', 'aa123456', 'a1234567', 'woaini1314', '5201314520', 'woaini520',
  'princess', 'football', 'baseball', 'welcome1', 'welcome123', 'admin123', 'administrator', 'letmein1',
  'trustno1', 'superman', 'whatever', 'computer', 'internet', 'qazwsxedc', 'q1w2e3r4', 'michael1',
  'changeme', 'starwars', 'dragon12', 'monkey12', 'shadow12', 'master12', 'jennifer', 'corvette',
  'liverpool', 'chelsea1', 'samsung1', 'google123', 'zxcvbnm1', 'zxcvbnm123', '1234qwer', 'qwer1234',
  '12qwaszx', 'a123456789', 'aaaaaaaa', 'asdasdasd', 'q1w2e3r4t5', 'test1234', 'iloveyou1', '123654789',
  '789456123', '159753258', '147852369', '741852963', '963852741', '1234abcd', 'qq123456', 'wang1234',
  'li123456', 'zhang123', 'china123', 'beijing1', 'shanghai', 'huawei123', 'xiaomi123', 'baidu123',
]);
