import { Body, Controller, Get, Param, Post } from "@nestjs/common";
import * as bcrypt from "bcrypt";
import { readFileSync } from "node:fs";

@Controller("users")
export class UsersController {
  @Post("register")
  register(@Body() body: { email: string; password: string }) {
    const hash = bcrypt.hashSync(body.password, 12); // want "sync-api-in-async: `bcrypt.hashSync` hashes on the event loop.*request handler `UsersController.register`.*await bcrypt.hash"
    return { email: body.email, hash };
  }

  @Get(":id/avatar")
  avatar(@Param("id") id: string) {
    return readFileSync(`/srv/avatars/${id}.png`); // want "sync-api-in-async: `readFileSync`"
  }

  helper(path: string) {
    // Not a route and not async: not reported.
    return readFileSync(path);
  }
}
