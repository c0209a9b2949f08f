import { AppError } from '#server/platform/app-error.ts';
import { SERVICE_LABELS, type ServiceId } from '#src/schema/service-process.ts';

/**
 * Refusals of the online public services (Điều 13) that are new with the
 * security review. Each keeps its code, status, data and the Vietnamese
 * sentence the citizen reads together; tests assert `code`.
 */

export type IdempotencyKeyReusedErrorData = { service: ServiceId };
/**
 * A form's idempotency key came back with other content than the case it
 * first filed (docs/adr/0053). The first case stands; its code and secret
 * are not repeated to whoever holds the key now.
 */
export class IdempotencyKeyReusedError extends AppError<IdempotencyKeyReusedErrorData> {
  static readonly code = 'E_IDEMPOTENCY_KEY_REUSED';
  constructor(data: IdempotencyKeyReusedErrorData) {
    super(
      IdempotencyKeyReusedError.code,
      422,
      data,
      `Biểu mẫu “${SERVICE_LABELS[data.service]}” này đã được gửi trước đó với nội dung khác, nên lần gửi này không được ghi nhận. Nếu muốn gửi thêm một đơn mới, vui lòng mở lại trang biểu mẫu và nhập lại.`,
    );
  }
}
