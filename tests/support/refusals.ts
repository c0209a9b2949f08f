/** The code a promise is refused with (an AppError's, docs/adr/0081), or undefined when it is not refused. */
export async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}
