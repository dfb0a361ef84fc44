import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { IsEmail, IsString, MinLength } from 'class-validator';
import { randomUUID, createHmac, scryptSync, randomBytes } from 'crypto';
import type { RedisClientType } from 'redis';
import { UsersService } from '../users/users.service';
import { REDIS } from '../redis/redis.module';

class LoginDto {
  @IsEmail()
  email!: string;

  @IsString()
  @MinLength(8)
  password!: string;
}

const SESSION_TTL_SECONDS = 8 * 60 * 60;

@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    @Inject(REDIS) private readonly redis: RedisClientType,
  ) {}

  @Post('login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto) {
    const user = await this.users.authenticate(dto.email, dto.password);
    const sessionId = randomUUID();
    const signature = createHmac('sha256', process.env.SESSION_SECRET ?? '').update(sessionId).digest('base64url');
    await this.redis.set(`inv:session:${sessionId}`, JSON.stringify({ userId: user.id, role: user.role }), {
      EX: SESSION_TTL_SECONDS,
    });
    return { token: `${sessionId}.${signature}`, expiresIn: SESSION_TTL_SECONDS };
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Body('token') token: string): Promise<void> {
    const [sessionId] = token.split('.');
    await this.redis.del(`inv:session:${sessionId}`);
  }

  @Post('api-tokens')
  @HttpCode(201)
  async createApiToken(@Body('userId') userId: string) {
    const secret = randomBytes(32).toString('base64url');
    const salt = randomBytes(16);
    const hash = scryptSync(secret, salt, 32).toString('hex'); // expect: sync-api-in-async
    await this.redis.set(`inv:api-token:${hash}`, userId, { EX: 90 * 24 * 3600 });
    return { token: secret, salt: salt.toString('hex') };
  }
}
