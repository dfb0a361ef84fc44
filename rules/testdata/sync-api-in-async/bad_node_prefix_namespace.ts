import * as nodeCrypto from "node:crypto";

export class KeyService {
  async deriveKey(secret: string, salt: string): Promise<Buffer> {
    return nodeCrypto.scryptSync(secret, salt, 64); // want "sync-api-in-async: `nodeCrypto.scryptSync`.*KeyService.deriveKey.*crypto.scrypt"
  }

  async newKeyPair() {
    return nodeCrypto.generateKeyPairSync("ed25519"); // want "sync-api-in-async: `nodeCrypto.generateKeyPairSync`"
  }
}
