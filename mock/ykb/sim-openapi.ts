// The simulator's own OpenAPI document: the HTTP contract our gateway (mock/ykb-gateway) is written against.
import { SIM_API_PREFIX, USER_TOKEN_HEADER } from './sim-api'

const envelope = (data: Record<string, unknown>) => ({
  type: 'object', required: ['code', 'msg', 'data'],
  properties: { code: { type: 'string', description: '"00" on success, else the refusal code' }, msg: { type: 'string' }, data },
})
const licence = {
  type: 'object',
  properties: Object.fromEntries(['identifier', 'typeCode', 'typeName', 'licenceNumber', 'holderName', 'holderCode', 'validFrom', 'validTo', 'status']
    .map((k) => [k, { type: 'string' }]).concat([['face', { type: 'object' }]])),
}
const txn = { type: 'object', properties: { txnId: { type: 'string' }, kind: { type: 'string' }, status: { enum: ['waiting', 'approved', 'refused', 'expired'] }, expiresAt: { type: 'string' } } }
const userToken = { name: USER_TOKEN_HEADER, in: 'header', required: true, schema: { type: 'string' }, description: 'the user token from /oauth/token' }
const body = (properties: Record<string, unknown>, required: string[]) => ({ required: true, content: { 'application/json': { schema: { type: 'object', required, properties } } } })
const ok = (data: Record<string, unknown>, refusals: string) => ({
  200: { description: 'done', content: { 'application/json': { schema: envelope(data) } } },
  '4XX': { description: `refused: ${refusals}; every path also SIGNATURE_INVALID, APP_UNKNOWN, TIMESTAMP_INVALID, NONCE_INVALID, NONCE_REPLAYED (401)` },
  '5XX': { description: 'the platform failed; worth retrying a read later' },
})

export function simOpenApi() {
  return {
    openapi: '3.1.0',
    info: {
      title: '渝快办开放平台（模拟）', version: '1',
      description: 'Every request carries X-App-Key, X-Timestamp (ms, within 5 minutes), X-Nonce (16–64 of A–Z a–z 0–9 _ -, once) and X-Signature: '
        + 'lowercase hex HMAC-SHA256(app secret, "METHOD\\npath?query\\ntimestamp\\nnonce\\nsha256 hex of the body").',
    },
    servers: [{ url: SIM_API_PREFIX }],
    paths: {
      '/oauth/token': { post: { summary: '用授权码换取用户令牌（授权码一次有效）', requestBody: body({ code: { type: 'string' } }, ['code']), responses: ok({ type: 'object', properties: { accessToken: { type: 'string' }, expiresAt: { type: 'string' }, userId: { type: 'string' } } }, 'CODE_INVALID') } },
      '/user/identity': { get: { summary: '用户实名信息', parameters: [userToken], responses: ok({ type: 'object', properties: { userId: { type: 'string' }, name: { type: 'string' }, idNumber: { type: 'string' }, mobile: { type: 'string' } } }, 'TOKEN_INVALID, SCOPE_DENIED') } },
      '/licences/query': { post: { summary: '按持证人查询电子证照目录（须持证人授权并说明用证事由）', parameters: [userToken], requestBody: body({ holderIdNumber: { type: 'string' }, typeCodes: { type: 'array', items: { type: 'string' } }, useCause: { type: 'string' } }, ['holderIdNumber', 'typeCodes', 'useCause']), responses: ok({ type: 'object', properties: { licences: { type: 'array', items: licence } } }, 'TOKEN_INVALID, NOT_HOLDER, BAD_REQUEST') } },
      '/licences/by-certificate': { post: { summary: '按纸质不动产权证书二维码（单元号、证号）查询证照', requestBody: body({ unitNo: { type: 'string' }, certNo: { type: 'string' }, useCause: { type: 'string' } }, ['unitNo', 'certNo', 'useCause']), responses: ok({ type: 'object', properties: { licence } }, 'LICENCE_NOT_FOUND') } },
      '/licences/{identifier}/file': { get: { summary: '下载证照文件（PDF）', parameters: [userToken, { name: 'identifier', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'the file', content: { 'application/pdf': {} } }, '4XX': { description: 'TOKEN_INVALID, LICENCE_NOT_FOUND' } } } },
      '/market/registrations/{creditCode}': { get: { summary: '市场主体登记信息：按统一社会信用代码查询企业名称、登记日期、住所及负责人渝快办标识', parameters: [{ name: 'creditCode', in: 'path', required: true, schema: { type: 'string' } }], responses: ok({ type: 'object', properties: { business: { type: 'object', properties: Object.fromEntries(['creditCode', 'name', 'registeredOn', 'address', 'representativeUserId'].map((k) => [k, { type: 'string' }])) } } }, 'BUSINESS_NOT_FOUND') } },
      '/show-txns': { post: { summary: '亮证：用扫到的亮证码创建用证请求（等待持证人确认）', requestBody: body({ showCode: { type: 'string' }, useCause: { type: 'string' }, requester: { type: 'string' } }, ['showCode', 'useCause', 'requester']), responses: ok(txn, 'QR_INVALID, QR_UNKNOWN, QR_EXPIRED (410), LICENCE_NOT_FOUND') } },
      '/show-txns/{txnId}': { get: { summary: '亮证：查询用证请求状态', parameters: [{ name: 'txnId', in: 'path', required: true, schema: { type: 'string' } }], responses: ok(txn, 'TXN_NOT_FOUND') } },
      '/show-txns/{txnId}/licence': { get: { summary: '亮证：获取持证人同意使用的证照', parameters: [{ name: 'txnId', in: 'path', required: true, schema: { type: 'string' } }], responses: ok({ type: 'object', properties: { licence } }, 'TXN_NOT_FOUND, NOT_APPROVED (409)') } },
    },
  }
}
