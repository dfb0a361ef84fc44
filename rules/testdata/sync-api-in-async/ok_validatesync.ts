import { validateSync, IsEmail, IsString } from "class-validator";
import { plainToInstance } from "class-transformer";
import * as yup from "yup";
import Joi from "joi";
import type { Request, Response } from "express";

class SignupDto {
  @IsEmail() email!: string;
  @IsString() name!: string;
}

const schema = yup.object({ email: yup.string().email().required() });
const joiSchema = Joi.object({ name: Joi.string().required() });

export async function signup(req: Request, res: Response) {
  const dto = plainToInstance(SignupDto, req.body);
  const errors = validateSync(dto);
  if (errors.length) return res.status(400).json(errors);
  schema.validateSync(req.body);
  const ok = schema.isValidSync(req.body);
  const { error } = joiSchema.validate(req.body);
  res.json({ ok, error });
}
