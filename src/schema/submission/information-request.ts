import { z } from 'zod';
import {
  Consent,
  contactRequired,
  FORM_ERROR,
  Honeypot,
  idNumber,
  optionalEmail,
  optionalPhone,
  optionalText,
  personName,
  text,
} from './fields.ts';

/** How the requester wants to receive the information (Luật Tiếp cận thông tin 2016, Điều 24; Nghị định 13/2018/NĐ-CP, Mẫu số 01). */
export const INFORMATION_DELIVERY = {
  'thu-dien-tu': 'Qua thư điện tử',
  'buu-chinh': 'Qua dịch vụ bưu chính',
  'truc-tiep': 'Đọc, xem, nghe, ghi chép, sao chép tại trụ sở cơ quan',
} as const;
type Delivery = keyof typeof INFORMATION_DELIVERY;
const DELIVERY_IDS = Object.keys(INFORMATION_DELIVERY) as [Delivery, ...Delivery[]];

/**
 * Phiếu yêu cầu cung cấp thông tin (Luật Tiếp cận thông tin 2016, Điều 24;
 * docs/adr/0048): who asks (name, residence, identity number, a way to reach
 * them), which information, for what purpose when the information is
 * conditional (Điều 7), and in what form it should be given.
 */
export const InformationRequestSubmissionSchema = contactRequired(
  z.object(
    {
      fullName: personName('Họ và tên'),
      address: text('Nơi cư trú', { min: 5, max: 300 }),
      idNumber: idNumber(),
      phone: optionalPhone(),
      email: optionalEmail(),
      information: text('Thông tin được yêu cầu', { min: 10, max: 5_000, multiline: true }),
      purpose: optionalText('Mục đích yêu cầu cung cấp thông tin', { max: 2_000, multiline: true }),
      delivery: z.enum(DELIVERY_IDS, { error: 'Vui lòng chọn hình thức nhận thông tin.' }),
      consent: Consent,
      homepage: Honeypot,
    },
    FORM_ERROR,
  ),
  'Vui lòng nhập số điện thoại hoặc thư điện tử để cơ quan trả lời.',
);
