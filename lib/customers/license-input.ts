import { z } from 'zod';
import { licenseType } from '@/db/schema';

// Dates come from <input type="date"> (YYYY-MM-DD) and mean 00:00 UTC of that day; a license
// is valid from `validFrom` (inclusive) to `validUntil` (exclusive), see lib/licenses/license-validity.ts.
const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'customers.validation.date')
  .transform((value) => new Date(`${value}T00:00:00.000Z`))
  .refine((date) => !Number.isNaN(date.getTime()), 'customers.validation.date');

export const licenseTypeSchema = z.enum(licenseType.enumValues, 'customers.validation.licenseType');

const customerNameSchema = z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong');
const contactEmailSchema = z.string().trim().max(254, 'validation.tooLong').pipe(z.email('customers.validation.email'));

export const createLicenseSchema = z
  .strictObject({
    customerMode: z.enum(['existing', 'new'], 'validation.invalid'),
    customerId: z.string().max(64).optional(),
    customerName: z.string().max(400).optional(),
    contactEmail: z.string().max(400).optional(),
    type: licenseTypeSchema,
    deviceCount: z.coerce.number('customers.validation.deviceCount').int('customers.validation.deviceCount').min(1, 'customers.validation.deviceCount').max(100000, 'customers.validation.deviceCount'),
    validFrom: dateSchema,
    validUntil: dateSchema,
  })
  .superRefine((value, context) => {
    if (value.validUntil.getTime() <= value.validFrom.getTime()) {
      context.addIssue({ code: 'custom', path: ['validUntil'], message: 'customers.validation.untilAfterFrom' });
    }
    if (value.customerMode === 'existing' && !value.customerId) {
      context.addIssue({ code: 'custom', path: ['customerId'], message: 'customers.validation.chooseCustomer' });
    }
    if (value.customerMode === 'new') {
      if (!customerNameSchema.safeParse(value.customerName ?? '').success) context.addIssue({ code: 'custom', path: ['customerName'], message: 'validation.required' });
      if (!contactEmailSchema.safeParse(value.contactEmail ?? '').success) context.addIssue({ code: 'custom', path: ['contactEmail'], message: 'customers.validation.email' });
    }
  });

export type CreateLicenseInput = z.infer<typeof createLicenseSchema>;

export const extendLicenseSchema = z.strictObject({ licenseId: z.string().max(64), validUntil: dateSchema });
export const licenseTargetSchema = z.strictObject({ licenseId: z.string().max(64) });
export const editCustomerSchema = z.strictObject({ customerId: z.string().max(64), name: customerNameSchema, contactEmail: contactEmailSchema });
