import { z } from 'zod';
import { userRole } from '@/db/schema';

// Shared by the create-user form and createUser() itself, so the rules cannot drift apart.
export const usernameSchema = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(64, 'validation.tooLong')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'users.validation.usernameFormat');

export const emailSchema = z.string().trim().max(254, 'validation.tooLong').pipe(z.email('users.validation.emailFormat'));

export const roleSchema = z.enum(userRole.enumValues, 'users.validation.role');

export const newUserSchema = z.strictObject({
  username: usernameSchema,
  email: emailSchema,
  role: roleSchema,
});

export type NewUserInput = z.infer<typeof newUserSchema>;
