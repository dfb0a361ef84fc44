import { createRemoteJWKSet, jwtVerify } from 'jose';

const ISSUER = process.env.OIDC_ISSUER;
const AUDIENCE = process.env.OIDC_AUDIENCE;
// jose caches the key set itself and refetches on an unknown kid.
const jwks = createRemoteJWKSet(new URL(`${ISSUER}/.well-known/jwks.json`), { cooldownDuration: 30_000 });

// Verified tokens, so a burst of calls with one token verifies it once per container.
const verified = new Map(); // expect: cache-without-ttl

function policy(principalId, effect, resource, context = {}) {
  return {
    principalId,
    policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }] },
    context,
  };
}

export const handler = async (event) => {
  const token = (event.authorizationToken ?? '').replace(/^Bearer\s+/i, '');
  if (!token) {
    return policy('anonymous', 'Deny', event.methodArn);
  }
  let claims = verified.get(token);
  if (!claims) {
    try {
      ({ payload: claims } = await jwtVerify(token, jwks, { issuer: ISSUER, audience: AUDIENCE }));
    } catch {
      return policy('anonymous', 'Deny', event.methodArn);
    }
    verified.set(token, claims);
  }
  if (claims.exp * 1000 < Date.now()) {
    return policy(claims.sub, 'Deny', event.methodArn);
  }
  const arnPrefix = event.methodArn.split('/').slice(0, 2).join('/');
  return policy(claims.sub, 'Allow', `${arnPrefix}/*`, { scope: claims.scope ?? '', tenant: claims.tenant ?? '' });
};
