import { params, str } from './common.ts';
import { accessIPv4, accessIPv6, description, diskConfig, flavorRef, invalidInput, metadata, nameAt, nothing } from './parameter-types.ts';

// Chapter 5: POST /servers/{id}/action, one action per body key, each with its argument's
// schema as Nova's schemas have them (v2.0 legacy names, v2.1, 2.19 rebuild description).

const oneOf = (allowed: string) => invalidInput(`{repr} is not one of ${allowed}`);

/** Nova accepts the type in any case it lists; this cloud in any case at all. */
const rebootType = {
  type: 'string',
  pattern: '^([Ss][Oo][Ff][Tt]|[Hh][Aa][Rr][Dd])$',
  errorMessage: { type: oneOf("['HARD', 'Hard', 'hard', 'SOFT', 'Soft', 'soft']"), pattern: oneOf("['HARD', 'Hard', 'hard', 'SOFT', 'Soft', 'soft']") },
};

function actions(version: string) {
  const name = nameAt(version);
  return {
    reboot: { type: 'object', properties: { type: rebootType }, required: ['type'], additionalProperties: false },
    // The spec (5.8) allows {"type": "SOFT"|"HARD"}; Nova takes null. Both are accepted.
    'os-stop': {
      type: ['null', 'object'],
      properties: { type: { ...rebootType, errorMessage: { type: oneOf("['SOFT', 'HARD']"), pattern: oneOf("['SOFT', 'HARD']") } } },
      additionalProperties: false,
      errorMessage: { type: invalidInput("{repr} is not of type 'null'") },
    },
    'os-start': nothing,
    resize: {
      type: 'object',
      // Nova's resize names the type for an empty reference too.
      properties: { flavorRef: { ...flavorRef, errorMessage: { ...flavorRef.errorMessage, minLength: flavorRef.errorMessage.type } }, 'OS-DCF:diskConfig': {} },
      required: ['flavorRef'],
      additionalProperties: false,
    },
    confirmResize: nothing,
    revertResize: nothing,
    rebuild: {
      type: 'object',
      properties: {
        imageRef: { type: 'string', minLength: 1 },
        name,
        adminPass: str,
        metadata,
        personality: {},
        'OS-DCF:diskConfig': diskConfig,
        accessIPv4,
        accessIPv6,
        preserve_ephemeral: {},
        ...(version === '2.19' ? { description } : {}),
      },
      required: ['imageRef'],
      additionalProperties: false,
    },
    createImage: { type: 'object', properties: { name, metadata }, required: ['name'], additionalProperties: false },
    'os-getConsoleOutput': {
      type: ['null', 'object'],
      properties: {
        // An integer from -1 (everything), or a string of one.
        length: { anyOf: [{ type: 'null' }, { type: 'integer', minimum: -1 }, { type: 'string', pattern: '^(-1|[0-9]+)$' }] },
      },
      additionalProperties: false,
      errorMessage: { type: invalidInput("{repr} is not of type 'object'") },
    },
    lock: { type: ['null', 'object'], errorMessage: { type: invalidInput("{repr} is not of type 'null'") } },
    unlock: nothing,
    addSecurityGroup: securityGroupArg,
    removeSecurityGroup: securityGroupArg,
  };
}

const securityGroupArg = {
  type: 'object',
  properties: { name: { type: 'string', minLength: 1, maxLength: 255 } },
  required: ['name'],
  additionalProperties: false,
};

function actionBody(version: string) {
  return {
    type: 'object',
    minProperties: 1,
    maxProperties: 1,
    properties: actions(version),
    additionalProperties: false,
    errorMessage: {
      type: 'Malformed request body',
      minProperties: 'Malformed request body: too many body keys',
      maxProperties: 'Malformed request body: too many body keys',
      additionalProperties: 'There is no such action: {property}',
    },
  };
}

export const serverActionSchemas = {
  '2.0': { params: params('server_id'), body: actionBody('2.0') },
  '2.1': { params: params('server_id'), body: actionBody('2.1') },
  '2.19': { params: params('server_id'), body: actionBody('2.19') },
};
