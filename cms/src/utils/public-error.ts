/** A refusal the public APIs answer with its status and a Danish message (and the inbox actions alike). */
export class PublicError extends Error {
  constructor(
    public status: number,
    message: string,
    public details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
