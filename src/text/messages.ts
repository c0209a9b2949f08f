import type { TextEncoding } from './encoding.ts';

/** Names officials know the encodings by. */
export const ENCODING_LABELS: Record<TextEncoding, string> = {
  unicode: 'Unicode dựng sẵn (TCVN 6909:2001)',
  tcvn3: 'TCVN3 (ABC)',
  vni: 'VNI-Windows',
  viqr: 'VIQR',
};

/**
 * The sentence that tells a person what happened to their text:
 * "Văn bản được chuyển từ mã TCVN3 (ABC) sang Unicode dựng sẵn (TCVN 6909:2001)."
 * `changed` is false when the text needed nothing.
 */
export function conversionMessage(encoding: TextEncoding, changed = true): string {
  const unicode = ENCODING_LABELS.unicode;
  if (!changed) return `Văn bản đã dùng mã ${unicode}, không cần chuyển đổi.`;
  if (encoding === 'unicode') return `Văn bản được chuẩn hoá về dạng ${unicode}.`;
  return `Văn bản được chuyển từ mã ${ENCODING_LABELS[encoding]} sang ${unicode}.`;
}
