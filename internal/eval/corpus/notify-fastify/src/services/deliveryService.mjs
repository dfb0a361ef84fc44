import { ObjectId } from 'mongodb';
import { deliveries, devices, users } from '../mongo.mjs';
import { logger } from '../lib/logger.mjs';
import { sendPush } from './push.mjs';

/**
 * Fans a notification out to every device of every recipient and records one
 * delivery document per attempt.
 */
export async function fanOut(notification, recipientIds) {
  const objectIds = recipientIds.map((id) => new ObjectId(id));
  const recipients = await users
    .find({ _id: { $in: objectIds }, 'settings.pushEnabled': true }, { projection: { _id: 1, locale: 1 } })
    .toArray();

  const results = await Promise.all(
    recipients.map(async (user) => {
      const userDevices = await devices.find({ userId: user._id, revokedAt: null }).toArray(); // expect: query-in-loop
      const sent = await Promise.allSettled(userDevices.map((d) => sendPush(d.token, notification, user.locale)));
      return sent.map((r, i) => ({
        notificationId: notification._id,
        userId: user._id,
        deviceId: userDevices[i]._id,
        status: r.status === 'fulfilled' ? 'sent' : 'failed',
        error: r.status === 'rejected' ? String(r.reason) : null,
        at: new Date(),
      }));
    }),
  );

  const docs = results.flat();
  if (docs.length > 0) {
    await deliveries.insertMany(docs, { ordered: false });
  }
  logger.info({ notificationId: String(notification._id), deliveries: docs.length }, 'fan-out finished');
  return docs.length;
}

export async function pruneDeadDevices(failedTokens) {
  if (failedTokens.length === 0) return 0;
  const { modifiedCount } = await devices.updateMany(
    { token: { $in: failedTokens } },
    { $set: { revokedAt: new Date(), revokedReason: 'push-unregistered' } },
  );
  return modifiedCount;
}

export async function markDelivered(receipts) {
  const ops = receipts.map((r) => ({
    updateOne: { filter: { _id: new ObjectId(r.deliveryId) }, update: { $set: { status: 'delivered', deliveredAt: r.at } } },
  }));
  if (ops.length > 0) {
    await deliveries.bulkWrite(ops, { ordered: false });
  }
}
