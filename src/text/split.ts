/**
 * Splitting that keeps the separators, so a converted text is put back
 * together with its original line breaks (CRLF stays CRLF) and spacing.
 */
export interface Pieces {
  /** The pieces between separators; always one more than `separators`. */
  parts: string[];
  separators: string[];
}

function splitKeeping(text: string, separator: RegExp): Pieces {
  const all = text.split(separator);
  return {
    parts: all.filter((_, index) => index % 2 === 0),
    separators: all.filter((_, index) => index % 2 === 1),
  };
}

export function joinPieces({ parts, separators }: Pieces): string {
  return parts.map((part, index) => part + (separators[index] ?? '')).join('');
}

export function splitLines(text: string): Pieces {
  return splitKeeping(text, /(\r\n|\n|\r)/);
}

/** Words are runs of anything but white space: legacy encodings hide letters in punctuation. */
export function splitWords(line: string): Pieces {
  return splitKeeping(line, /(\s+)/);
}
