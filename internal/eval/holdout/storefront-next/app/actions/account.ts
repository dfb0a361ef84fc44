'use server';

import bcrypt from 'bcryptjs';
import { redirect } from 'next/navigation';
import * as yup from 'yup';
import { sql } from '@/lib/sql';
import { currentUser } from '@/lib/session';

const profileSchema = yup.object({
  displayName: yup.string().trim().min(2).max(60).required(),
  marketingOptIn: yup.boolean().default(false),
});

export async function updateProfile(formData: FormData) {
  const user = await currentUser();
  if (!user) redirect('/login');
  // yup's validateSync only checks the object in memory.
  const profile = profileSchema.validateSync({
    displayName: formData.get('displayName'),
    marketingOptIn: formData.get('marketingOptIn') === 'on',
  });
  await sql`update users set display_name = ${profile.displayName}, marketing_opt_in = ${profile.marketingOptIn} where id = ${user.id}`;
}

export async function changePassword(formData: FormData) {
  const user = await currentUser();
  if (!user) redirect('/login');
  const current = String(formData.get('currentPassword') ?? '');
  const next = String(formData.get('newPassword') ?? '');
  if (next.length < 12) {
    return { error: 'Use at least 12 characters.' };
  }
  const [row] = await sql`select password_hash from users where id = ${user.id}`;
  if (!row || !(await bcrypt.compare(current, row.passwordHash))) {
    return { error: 'Current password is incorrect.' };
  }
  const hash = bcrypt.hashSync(next, 12); // expect: sync-api-in-async
  await sql`update users set password_hash = ${hash}, password_changed_at = now() where id = ${user.id}`;
  await sql`delete from sessions where user_id = ${user.id} and id <> ${user.sessionId}`;
  return { ok: true };
}
