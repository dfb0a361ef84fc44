import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import { pbkdf2Sync, timingSafeEqual } from 'node:crypto';
import { prisma } from './prisma';

const ITERATIONS = 310_000;

function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  providers: [
    GitHubProvider({
      clientId: process.env.GITHUB_ID!,
      clientSecret: process.env.GITHUB_SECRET!,
    }),
    CredentialsProvider({
      name: 'Email',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      async authorize(credentials) {
        if (!credentials?.email || !credentials.password) {
          return null;
        }
        const user = await prisma.user.findUnique({
          where: { email: credentials.email.toLowerCase() },
          select: { id: true, email: true, name: true, passwordSalt: true, passwordHash: true },
        });
        if (!user?.passwordHash || !user.passwordSalt) {
          return null;
        }
        const derived = pbkdf2Sync(credentials.password, user.passwordSalt, ITERATIONS, 32, 'sha256'); // expect: sync-api-in-async
        if (!safeEqual(derived, Buffer.from(user.passwordHash, 'hex'))) {
          return null;
        }
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user && typeof token.uid === 'string') {
        (session.user as { id?: string }).id = token.uid;
      }
      return session;
    },
  },
};
