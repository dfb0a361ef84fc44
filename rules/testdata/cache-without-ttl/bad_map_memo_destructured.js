import { createRemoteJWKSet, jwtVerify } from "jose";
import { pool } from "./db.js";

const jwks = createRemoteJWKSet(new URL(process.env.JWKS_URL));

// The value found is refilled by a destructuring assignment on a miss.
const verified = new Map(); // want "cache-without-ttl: module-level Map `verified`"

export const handler = async (event) => {
  const token = event.authorizationToken;
  let claims = verified.get(token);
  if (!claims) {
    try {
      ({ payload: claims } = await jwtVerify(token, jwks));
    } catch {
      return { effect: "Deny" };
    }
    verified.set(token, claims);
  }
  return { effect: "Allow", principal: claims.sub };
};

const owners = new Map(); // want "cache-without-ttl: module-level Map `owners`"

export async function ownerOf(accountId) {
  let owner = owners.get(accountId);
  if (owner === undefined) {
    let rows;
    [rows] = await pool.query("SELECT owner FROM accounts WHERE id = ?", [accountId]);
    [{ owner }] = rows;
    owners.set(accountId, owner);
  }
  return owner;
}
