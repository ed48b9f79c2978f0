/**
 * Error messages in the two languages the official SDKs send in `x-authing-lang`.
 *
 * The Chinese texts marked "contract" are verbatim from the contract's fixtures and sources; the
 * others, and every English text, are inferred: the live wording is not documented.
 *
 * @module
 */

/** A language the emulator answers in. */
export type Lang = 'zh-CN' | 'en-US';

/**
 * The language of a request: `en-US` (or any `en*`) in `x-authing-lang` gives English; anything
 * else, including no header, gives the service's default, Chinese.
 */
export function langOf(header: string | undefined): Lang {
  return header?.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}

type Text = Readonly<Record<Lang, string>>;

/** Every message the emulator sends, by key. */
export const messages = {
  /** contract 3.2 (authing-node-sdk tests) for page and limit; the same pattern for every parameter. */
  invalidParam: { 'zh-CN': '参数 {name} 格式错误', 'en-US': 'Invalid parameter: {name}' },
  /** contract 3.2 */
  groupNotFound: { 'zh-CN': '分组不存在', 'en-US': 'Group not found' },
  /** contract 3.2 */
  namespaceNotFound: { 'zh-CN': '权限组不存在', 'en-US': 'Permission namespace not found' },
  /** contract fixture get-user-groups/error-user-not-found.json (apiCode 2004) */
  userNotFound: { 'zh-CN': '用户不存在', 'en-US': 'User not found' },
  /** contract 3.4 (apiCode 2020) */
  unauthorized: {
    'zh-CN': '尚未登录，无权限访问此请求',
    'en-US': 'Not logged in: no permission to access this request',
  },
  /** contract fixture errors/signature-invalid.json (apiCode 1300) */
  signatureInvalid: { 'zh-CN': 'AK/SK 签名不合法', 'en-US': 'Invalid AK/SK signature' },
  /** apiCode 1301, meaning from contract 3.4 */
  signatureMethod: {
    'zh-CN': 'AK/SK 签名方法与服务端不一致',
    'en-US': 'The signature method does not match the server',
  },
  /** apiCode 1302, meaning from contract 3.4 */
  signatureVersion: {
    'zh-CN': 'AK/SK 签名版本与服务端不一致',
    'en-US': 'The signature version does not match the server',
  },
  /** apiCode 1303, meaning from contract 3.4 */
  signatureDateFormat: {
    'zh-CN': 'AK/SK 签名时间戳格式错误，应为毫秒级 Unix 时间戳',
    'en-US': 'Invalid signature timestamp: expected a Unix timestamp in milliseconds',
  },
  /** apiCode 1304, meaning from contract 3.4 */
  signatureDateMissing: {
    'zh-CN': '使用 AK/SK 签名时缺少 date 请求头',
    'en-US': 'The date header is required with AK/SK signing',
  },
  /** contract fixture errors/signature-expired.json (apiCode 1305) */
  signatureExpired: {
    'zh-CN': 'AK/SK 签名时间戳和服务器时间戳相差较大，此次请求不被允许',
    'en-US': 'The signature timestamp is too far from the server time',
  },
  /** contract fixture errors/signature-replayed.json (apiCode 1306) */
  signatureReplayed: {
    'zh-CN': 'AK/SK 签名已经被消费过，此次请求不被允许',
    'en-US': 'This signature has already been used',
  },
  /** contract fixture get-management-token/error-invalid-credentials.json (a placeholder there too) */
  invalidAccessKey: {
    'zh-CN': 'accessKeyId 或 accessKeySecret 错误',
    'en-US': 'Wrong accessKeyId or accessKeySecret',
  },
  /** apiCode 2333 of the Authing apiCode list (docs.authing.cn reference-new/other/error-code) */
  wrongPassword: { 'zh-CN': '用户名或密码错误', 'en-US': 'Wrong username or password' },
  /** apiCode 2011 of the same list */
  appNotFound: { 'zh-CN': '应用不存在', 'en-US': 'Application not found' },
  appSecretInvalid: { 'zh-CN': '应用密钥错误', 'en-US': 'Wrong application secret' },
  groupCodeTaken: { 'zh-CN': '分组 code 已存在', 'en-US': 'A group with this code already exists' },
  /** contract 6.4: `custom_field` is in the enum but undocumented. */
  customFieldUnsupported: {
    'zh-CN': '模拟器不支持 userIdType=custom_field',
    'en-US': 'userIdType=custom_field is not supported by the emulator',
  },
  malformedJson: { 'zh-CN': '请求体不是合法的 JSON', 'en-US': 'The request body is not valid JSON' },
  payloadTooLarge: { 'zh-CN': '请求过大', 'en-US': 'The request is too large' },
  endpointNotFound: { 'zh-CN': '接口不存在', 'en-US': 'No such endpoint' },
  /** contract fixture errors/rate-limited.json (the error-code page sample) */
  rateLimited: {
    'zh-CN': '您的请求已超过最大数量限制，请稍后重试',
    'en-US': 'Too many requests, please retry later',
  },
  /** contract 6.3 (ISS-13): the text of the server's own 500. */
  unknownError: { 'zh-CN': 'unknown error', 'en-US': 'unknown error' },
  badGateway: { 'zh-CN': '网关错误', 'en-US': 'Bad gateway' },
  serviceUnavailable: {
    'zh-CN': '服务暂不可用，请稍后重试',
    'en-US': 'Service unavailable, please retry later',
  },
  forbidden: { 'zh-CN': '只允许本机访问', 'en-US': 'Only loopback clients may use this endpoint' },
  jsonRequired: {
    'zh-CN': '请求体须为 JSON（content-type: application/json）',
    'en-US': 'The request body must be JSON (content-type: application/json)',
  },
  /** apiCode 1300 (inferred): the signing SDKs always send a nonce, so a request without one is not theirs. */
  signatureNonceMissing: {
    'zh-CN': '使用 AK/SK 签名时缺少 x-authing-signature-nonce 请求头',
    'en-US': 'The x-authing-signature-nonce header is required with AK/SK signing',
  },
} as const satisfies Record<string, Text>;

/** The key of a message. */
export type MessageKey = keyof typeof messages;

/** The text of `key` in `lang`, with `{name}` placeholders filled from `values`. */
export function message(key: MessageKey, lang: Lang, values: Readonly<Record<string, string>> = {}): string {
  return messages[key][lang].replace(
    /\{(\w+)\}/g,
    (placeholder, name: string) => values[name] ?? placeholder,
  );
}
