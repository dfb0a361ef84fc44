import { MongoClient } from 'mongodb';

const client = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017', {
  maxPoolSize: 20,
  serverSelectionTimeoutMS: 5_000,
});
await client.connect();

export const mongo = client.db(process.env.MONGO_DB ?? 'notify');
export const deliveries = mongo.collection('deliveries');
export const devices = mongo.collection('devices');
export const digests = mongo.collection('digests');
export const users = mongo.collection('users');
