import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsString, validateSync } from 'class-validator';
import { createHmac, timingSafeEqual } from 'node:crypto';

class StaffClaims {
  @IsString() sub!: string;
  @IsIn(['nurse', 'doctor', 'frontdesk', 'admin']) role!: string;
  @IsString() clinic!: string;
}

const SECRET = process.env.STAFF_TOKEN_SECRET ?? '';

function verify(token: string): unknown {
  const [body, sig] = token.split('.');
  if (!body || !sig) return null;
  const expected = createHmac('sha256', SECRET).update(body).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
}

@Injectable()
export class StaffGuard implements CanActivate {
  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest();
    const header: string | undefined = req.headers['authorization'];
    const raw = header?.startsWith('Bearer ') ? verify(header.slice(7)) : null;
    if (!raw) throw new UnauthorizedException();

    const claims = plainToInstance(StaffClaims, raw);
    const errors = validateSync(claims);
    if (errors.length > 0) throw new UnauthorizedException('bad claims');
    req.staff = claims;
    return true;
  }
}
