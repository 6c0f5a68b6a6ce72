import { z } from 'zod';
import { SchoolSchema } from '../schools/schools.schemas';
import { PasswordSchema } from './passwords';

export const EmailSchema = z.string().trim().toLowerCase().max(200).pipe(z.email('邮箱格式不正确'));

export const LoginSchema = z.strictObject({
  email: z.string().max(200),
  password: z.string().max(200),
});

const RegisterBase = {
  email: EmailSchema,
  password: PasswordSchema,
  name: z.string().trim().min(1, '请填写姓名').max(50),
};

export const RegisterSchema = z.union([
  z.strictObject({ ...RegisterBase, schoolId: z.number().int().positive() }),
  z.strictObject({ ...RegisterBase, school: SchoolSchema }),
]);
export type RegisterInput = z.output<typeof RegisterSchema> & { schoolId?: number };

export const VerifyEmailSchema = z.strictObject({ token: z.string().min(10).max(200) });
