import { ApiBody } from '@nestjs/swagger';
import { z } from 'zod';

/** Documents a request body in the OpenAPI document from the zod schema that validates it. */
export const ApiBodyFrom = (schema: z.ZodType, description?: string) =>
  ApiBody({ description, schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as object });
