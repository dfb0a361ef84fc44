import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const client = new SecretsManagerClient({});
const REFRESH_MS = 5 * 60 * 1000;

// One entry per secret name this function is configured with (a handful).
const secrets = new Map();

export async function secret(name) {
  const entry = secrets.get(name);
  if (entry && Date.now() - entry.fetchedAt < REFRESH_MS) {
    return entry.value;
  }
  const out = await client.send(new GetSecretValueCommand({ SecretId: name }));
  const value = JSON.parse(out.SecretString ?? '{}');
  secrets.set(name, { value, fetchedAt: Date.now() });
  return value;
}

export function forget(name) {
  secrets.delete(name);
}
