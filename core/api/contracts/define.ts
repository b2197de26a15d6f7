// Declaring API methods: a zod input schema plus a phantom output type.
import { z } from 'zod';
import '../zod-sv';

export interface MethodDef<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. */
  output?: O;
}

/** method<Output>()(inputSchema) */
export function method<O>() {
  return <I extends z.ZodType>(input: I): MethodDef<I, O> => ({ input });
}

export const idSchema = z.string().min(1, 'Ett id måste anges.');
export const emptyInput = z.strictObject({});
