import { z } from 'zod';
import { Text } from './common.ts';
import { TIME_UNITS } from './content/procedure.ts';
import { DEFAULT_LEGAL_READING, type LegalReading } from './legal-deadlines.ts';

/**
 * The online public services a department declares (Điều 13, 14 Quy chế
 * 2567/2007): for each, who does what and within how long. The key
 * `services` of `sites/<id>.yaml`; every service not written there gets the
 * legal defaults below, so a department without a declaration still runs
 * the services Điều 12.1 obliges it to offer.
 *
 * ```yaml
 * services:
 *   ho-so:
 *     enabled: false
 *   khieu-nai-to-cao:
 *     resolveLimit: 20
 *     steps:
 *       - id: tiep-nhan
 *         title: Tiếp nhận, vào sổ, phân loại đơn
 *         role: reception-officer
 *         timeLimit: 3
 * ```
 */

export const SERVICE_IDS = [
  'khieu-nai-to-cao',
  'hoi-dap',
  'ho-so',
  'gop-y-du-thao',
  'phan-hoi-website',
  'tiep-can-thong-tin',
] as const;
export const ServiceIdSchema = z.enum(SERVICE_IDS, { error: `Dịch vụ phải là một trong: ${SERVICE_IDS.join(', ')}.` });
export type ServiceId = z.infer<typeof ServiceIdSchema>;

export const SERVICE_LABELS: Record<ServiceId, string> = {
  'khieu-nai-to-cao': 'Khiếu nại, tố cáo, phản ánh, kiến nghị',
  'hoi-dap': 'Hỏi đáp chính sách, pháp luật',
  'ho-so': 'Tiếp nhận hồ sơ thủ tục hành chính',
  'gop-y-du-thao': 'Góp ý dự thảo văn bản',
  'phan-hoi-website': 'Góp ý về trang thông tin điện tử',
  'tiep-can-thong-tin': 'Yêu cầu cung cấp thông tin',
};

/** Positions in the agency's process (Điều 15), not editorial-board roles. */
export const SERVICE_ROLES = {
  head: 'Thủ trưởng cơ quan',
  'deputy-head': 'Phó Thủ trưởng cơ quan',
  'reception-officer': 'Cán bộ tiếp nhận',
  'handling-officer': 'Chuyên viên được phân công xử lý',
  inspector: 'Thanh tra',
  'it-officer': 'Cán bộ chuyên trách công nghệ thông tin',
} as const;
export type ServiceRole = keyof typeof SERVICE_ROLES;
const ROLE_IDS = Object.keys(SERVICE_ROLES) as [ServiceRole, ...ServiceRole[]];
export const ServiceRoleSchema = z.enum(ROLE_IDS, { error: `Vai trò phải là một trong: ${ROLE_IDS.join(', ')}.` });

/** Unknown keys are refused, as everywhere in `sites/`: a misspelt `resolveLimt` must not fall back to the default silently. */
function objectError(message: string) {
  return {
    error: (issue: z.core.$ZodRawIssue) =>
      issue.code === 'unrecognized_keys' ? `Khoá không được hỗ trợ: ${(issue.keys as string[]).join(', ')}.` : message,
  };
}

type Unit = keyof typeof TIME_UNITS;
const UNIT_IDS = Object.keys(TIME_UNITS) as [Unit, ...Unit[]];

const LimitObjectSchema = z.strictObject(
  {
    value: z
      .number({ error: 'Thời hạn phải là một số.' })
      .int('Thời hạn phải là số nguyên.')
      .positive('Thời hạn phải lớn hơn 0.')
      .max(365, 'Thời hạn không được quá 365.'),
    /** `ngay-lam-viec` (default), `ngay` (calendar days) or `gio` (hours). */
    unit: z
      .enum(UNIT_IDS, { error: `Đơn vị thời hạn phải là một trong: ${UNIT_IDS.join(', ')}.` })
      .default('ngay-lam-viec'),
  },
  objectError('Thời hạn ghi bằng một số (ngày làm việc) hoặc dạng { value, unit }.'),
);

/** `10` is shorthand for `{ value: 10, unit: ngay-lam-viec }`. */
export const ServiceTimeLimitSchema = z.preprocess(
  (v) => (typeof v === 'number' ? { value: v } : v),
  LimitObjectSchema,
);
export type ServiceTimeLimit = z.infer<typeof ServiceTimeLimitSchema>;

const workingDays = (value: number): ServiceTimeLimit => ({ value, unit: 'ngay-lam-viec' });

/**
 * Legal defaults. Luật Khiếu nại 2011: accept within 10 days (Điều 27),
 * resolve within 30, 45 when complex (Điều 28), counted in working days.
 * Luật Tố cáo 2018 is stricter on acceptance (7 working days, Điều 24) and
 * allows extensions of 30 days each (Điều 30), applied per kind below.
 */
export const LEGAL_LIMITS = {
  accept: workingDays(10),
  resolve: workingDays(30),
  complexResolve: workingDays(45),
} as const;

/**
 * Luật Tiếp cận thông tin 2016 (docs/adr/0048), in working days counted from
 * the receipt of a valid request: information that is available is given
 * within 3; otherwise the information or a refusal with reasons within 10,
 * extendable once by at most 10 with a written notice (`complexResolve` is
 * the limit after the extension).
 */
export const INFORMATION_REQUEST_LIMITS = {
  accept: workingDays(3),
  resolve: workingDays(10),
  complexResolve: workingDays(20),
} as const;

/**
 * An upper bound in working days, to hold a declaration to the law: a
 * calendar day never holds more than one working day, an hour starts one.
 */
function workingDayCeiling(limit: ServiceTimeLimit): number {
  return limit.unit === 'gio' ? Math.ceil(limit.value / 24) : limit.value;
}

const OfficerSchema = z.strictObject(
  { name: Text(120), position: Text(200).optional() },
  objectError('officer ghi họ tên (name) và chức vụ (position).'),
);

export const ServiceStepSchema = z
  .strictObject(
    {
      /** Stable within the service; the case timeline records it: `tiep-nhan`, `xac-minh`. */
      id: z
        .string({ error: 'Mã bước phải là một chuỗi.' })
        .regex(
          /^[a-z0-9]+(-[a-z0-9]+)*$/,
          'Mã bước chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ: xac-minh).',
        ),
      /** Shown to the citizen on the look-up page: "Xác minh nội dung khiếu nại". */
      title: Text(200),
      /** Who is responsible, by position… */
      role: ServiceRoleSchema.optional(),
      /** …or by name, when the head assigned a named officer (Điều 15). */
      officer: OfficerSchema.optional(),
      timeLimit: ServiceTimeLimitSchema,
    },
    objectError('Mỗi bước ghi id, title, người chịu trách nhiệm và timeLimit.'),
  )
  .refine((s) => (s.role === undefined) !== (s.officer === undefined), {
    message:
      'Mỗi bước ghi người chịu trách nhiệm: hoặc vai trò (role), hoặc cán bộ được phân công (officer), không ghi cả hai.',
    path: ['role'],
  });
export type ServiceStep = z.infer<typeof ServiceStepSchema>;

const step = (id: string, title: string, role: ServiceRole, days: number): z.input<typeof ServiceStepSchema> => ({
  id,
  title,
  role,
  timeLimit: days,
});

/**
 * A baseline each department adapts. Only declared steps are held to the
 * service's limits: a department that shortens a limit without writing steps
 * keeps these as the description of who does what.
 */
export const DEFAULT_STEPS: Record<ServiceId, Array<z.input<typeof ServiceStepSchema>>> = {
  'khieu-nai-to-cao': [
    step('tiep-nhan', 'Tiếp nhận, vào sổ và phân loại đơn', 'reception-officer', 3),
    step('thu-ly', 'Quyết định thụ lý hoặc trả lời không thụ lý (nêu rõ lý do)', 'head', 7),
    step('xac-minh', 'Xác minh nội dung', 'handling-officer', 20),
    step('giai-quyet', 'Ra quyết định giải quyết và trả lời người gửi đơn', 'head', 10),
  ],
  'hoi-dap': [
    step('tiep-nhan', 'Tiếp nhận và phân công trả lời', 'reception-officer', 2),
    step('soan-tra-loi', 'Soạn câu trả lời', 'handling-officer', 20),
    step('duyet', 'Duyệt và gửi câu trả lời', 'head', 8),
  ],
  'ho-so': [
    step('tiep-nhan', 'Tiếp nhận, kiểm tra thành phần hồ sơ', 'reception-officer', 3),
    step('tham-dinh', 'Thẩm định hồ sơ', 'handling-officer', 20),
    step('phe-duyet', 'Phê duyệt và trả kết quả', 'head', 10),
  ],
  'gop-y-du-thao': [
    step('tiep-nhan', 'Tiếp nhận ý kiến góp ý', 'reception-officer', 2),
    step('tong-hop', 'Tổng hợp, tiếp thu, giải trình ý kiến', 'handling-officer', 20),
  ],
  'phan-hoi-website': [
    step('tiep-nhan', 'Tiếp nhận góp ý về trang thông tin điện tử', 'it-officer', 2),
    step('xu-ly', 'Xử lý và trả lời', 'it-officer', 5),
  ],
  // Luật Tiếp cận thông tin 2016 (docs/adr/0048): the information or the refusal with reasons within 10 working days of a valid request.
  'tiep-can-thong-tin': [
    step('tiep-nhan', 'Tiếp nhận, kiểm tra tính hợp lệ của yêu cầu', 'reception-officer', 1),
    step('xem-xet', 'Xem xét, tìm kiếm, tập hợp thông tin; cung cấp ngay thông tin có sẵn', 'handling-officer', 7),
    step('cung-cap', 'Cung cấp thông tin hoặc thông báo từ chối, nêu rõ lý do', 'head', 2),
  ],
};

const LimitsShape = {
  /** Accept or refuse, with reasons (default 10 working days). */
  acceptLimit: ServiceTimeLimitSchema.optional(),
  /** Resolve, counted from acceptance (default 30 working days). */
  resolveLimit: ServiceTimeLimitSchema.optional(),
  /** Resolve a complex case (default 45 working days). */
  complexResolveLimit: ServiceTimeLimitSchema.optional(),
};

export const COMPLAINT_KINDS = ['khieu-nai', 'to-cao', 'phan-anh', 'kien-nghi'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

/**
 * Per-kind ceilings of a first-instance case where the law differs; a
 * department may shorten them, never lengthen. The units here are the
 * default reading; `limitsFor` applies the province's, and the other tiers
 * (second instance, remote areas, extensions) are in `legal-deadlines.ts`.
 * A denunciation's `complexResolve` is its limit after one extension.
 */
export const KIND_LIMITS: Record<
  ComplaintKind,
  { accept: ServiceTimeLimit; resolve: ServiceTimeLimit; complexResolve: ServiceTimeLimit }
> = {
  'khieu-nai': { accept: workingDays(10), resolve: workingDays(30), complexResolve: workingDays(45) },
  'to-cao': { accept: workingDays(7), resolve: workingDays(30), complexResolve: workingDays(60) },
  'phan-anh': { accept: workingDays(10), resolve: workingDays(30), complexResolve: workingDays(45) },
  'kien-nghi': { accept: workingDays(10), resolve: workingDays(30), complexResolve: workingDays(45) },
};

const KindLimitsSchema = z.partialRecord(
  z.enum(COMPLAINT_KINDS),
  z.strictObject(
    LimitsShape,
    objectError('Thời hạn theo loại đơn ghi acceptLimit, resolveLimit, complexResolveLimit.'),
  ),
  {
    error: (issue) =>
      issue.code === 'invalid_type'
        ? 'kinds ghi thời hạn riêng cho từng loại đơn.'
        : `Loại đơn phải là một trong: ${COMPLAINT_KINDS.join(', ')}.`,
  },
);

function serviceSchema(id: ServiceId) {
  return z
    .strictObject(
      {
        enabled: z.boolean({ error: 'enabled phải là true hoặc false.' }).default(true),
        steps: z
          .array(ServiceStepSchema, { error: 'steps phải là danh sách các bước.' })
          .min(1, 'Quy trình phải có ít nhất một bước.')
          .max(20, 'Quy trình có tối đa 20 bước.')
          .optional(),
        ...LimitsShape,
        /** Only for `khieu-nai-to-cao`: limits per kind of letter. */
        kinds: KindLimitsSchema.optional(),
      },
      objectError('Khai báo dịch vụ phải là một mục gồm enabled, steps và các thời hạn.'),
    )
    .superRefine((s, ctx) => {
      if (s.kinds && id !== 'khieu-nai-to-cao') {
        ctx.addIssue({
          code: 'custom',
          path: ['kinds'],
          message: 'Chỉ dịch vụ khiếu nại, tố cáo mới có thời hạn theo loại đơn (kinds).',
        });
      }
      if (!s.steps) return;
      const stepTotal = s.steps.reduce((sum, st) => sum + workingDayCeiling(st.timeLimit), 0);
      const allowed =
        workingDayCeiling(s.acceptLimit ?? LEGAL_LIMITS.accept) +
        workingDayCeiling(s.complexResolveLimit ?? LEGAL_LIMITS.complexResolve);
      if (stepTotal > allowed) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps'],
          message: `Tổng thời hạn các bước (${stepTotal} ngày) vượt quá thời hạn thụ lý và giải quyết (${allowed} ngày làm việc).`,
        });
      }
    })
    .transform((s) => {
      const legal = id === 'tiep-can-thong-tin' ? INFORMATION_REQUEST_LIMITS : LEGAL_LIMITS;
      return {
        ...s,
        steps: s.steps ?? DEFAULT_STEPS[id].map((raw) => ServiceStepSchema.parse(raw)),
        acceptLimit: s.acceptLimit ?? legal.accept,
        resolveLimit: s.resolveLimit ?? legal.resolve,
        complexResolveLimit: s.complexResolveLimit ?? legal.complexResolve,
      };
    })
    .superRefine((s, ctx) => {
      const ids = new Set<string>();
      s.steps.forEach((st, index) => {
        if (ids.has(st.id))
          ctx.addIssue({ code: 'custom', path: ['steps', index, 'id'], message: `Mã bước "${st.id}" bị trùng.` });
        ids.add(st.id);
      });
      if (s.resolveLimit.unit === s.complexResolveLimit.unit && s.complexResolveLimit.value < s.resolveLimit.value) {
        ctx.addIssue({
          code: 'custom',
          path: ['complexResolveLimit'],
          message: 'Thời hạn cho vụ việc phức tạp không được ngắn hơn thời hạn giải quyết thông thường.',
        });
      }
      if (id === 'tiep-can-thong-tin') {
        const ownCaps: Array<[keyof typeof LimitsShape, ServiceTimeLimit, string]> = [
          [
            'acceptLimit',
            INFORMATION_REQUEST_LIMITS.accept,
            'Thời hạn cung cấp thông tin có sẵn không được quá 03 ngày làm việc (Luật Tiếp cận thông tin 2016).',
          ],
          [
            'resolveLimit',
            INFORMATION_REQUEST_LIMITS.resolve,
            'Thời hạn giải quyết yêu cầu không được quá 10 ngày làm việc (Luật Tiếp cận thông tin 2016).',
          ],
          [
            'complexResolveLimit',
            INFORMATION_REQUEST_LIMITS.complexResolve,
            'Thời hạn sau gia hạn không được quá 20 ngày làm việc (Luật Tiếp cận thông tin 2016).',
          ],
        ];
        for (const [key, cap, message] of ownCaps) {
          if (s[key].unit !== 'ngay-lam-viec' || s[key].value > cap.value)
            ctx.addIssue({ code: 'custom', path: [key], message });
        }
        return;
      }
      if (id !== 'khieu-nai-to-cao') return;
      const caps: Array<[keyof typeof LimitsShape, ServiceTimeLimit, string]> = [
        [
          'acceptLimit',
          LEGAL_LIMITS.accept,
          'Thời hạn thụ lý không được quá 10 ngày làm việc (Luật Khiếu nại 2011, Điều 27).',
        ],
        [
          'resolveLimit',
          LEGAL_LIMITS.resolve,
          'Thời hạn giải quyết không được quá 30 ngày làm việc (Luật Khiếu nại 2011, Điều 28).',
        ],
        [
          'complexResolveLimit',
          LEGAL_LIMITS.complexResolve,
          'Thời hạn giải quyết vụ việc phức tạp không được quá 45 ngày làm việc (Luật Khiếu nại 2011, Điều 28).',
        ],
      ];
      for (const [key, cap, message] of caps) {
        if (workingDayCeiling(s[key]) > cap.value) ctx.addIssue({ code: 'custom', path: [key], message });
      }
      for (const kind of COMPLAINT_KINDS) {
        const own = s.kinds?.[kind];
        if (!own) continue;
        const legal = KIND_LIMITS[kind];
        const pairs: Array<[keyof typeof LimitsShape, ServiceTimeLimit]> = [
          ['acceptLimit', legal.accept],
          ['resolveLimit', legal.resolve],
          ['complexResolveLimit', legal.complexResolve],
        ];
        for (const [key, cap] of pairs) {
          const declared = own[key];
          if (declared && workingDayCeiling(declared) > cap.value) {
            ctx.addIssue({
              code: 'custom',
              path: ['kinds', kind, key],
              message: `Thời hạn này không được quá ${cap.value} ngày làm việc theo quy định của pháp luật.`,
            });
          }
        }
      }
    });
}

export const ServicesSchema = z.strictObject(
  {
    'khieu-nai-to-cao': serviceSchema('khieu-nai-to-cao').prefault({}),
    'hoi-dap': serviceSchema('hoi-dap').prefault({}),
    'ho-so': serviceSchema('ho-so').prefault({}),
    'gop-y-du-thao': serviceSchema('gop-y-du-thao').prefault({}),
    'phan-hoi-website': serviceSchema('phan-hoi-website').prefault({}),
    'tiep-can-thong-tin': serviceSchema('tiep-can-thong-tin').prefault({}),
  },
  objectError(`services phải là một mục, mỗi dịch vụ một khoá: ${SERVICE_IDS.join(', ')}.`),
);
export type ServicesInput = z.input<typeof ServicesSchema>;
export type Services = z.infer<typeof ServicesSchema>;
export type ServiceProcess = Services[ServiceId];

export interface ServiceLimits {
  accept: ServiceTimeLimit;
  resolve: ServiceTimeLimit;
  complexResolve: ServiceTimeLimit;
}

/** The law's per-kind limits in the units the province reads them (docs/adr/0056). */
function legalKindLimits(kind: ComplaintKind, reading: LegalReading): ServiceLimits {
  const legal = KIND_LIMITS[kind];
  if (kind === 'khieu-nai') {
    const unit = reading['khieu-nai'];
    return {
      accept: { ...legal.accept, unit },
      resolve: { ...legal.resolve, unit },
      complexResolve: { ...legal.complexResolve, unit },
    };
  }
  // Luật Tố cáo 2018 Điều 24 counts acceptance in working days itself; Điều 30 writes "ngày".
  if (kind === 'to-cao')
    return {
      ...legal,
      resolve: { ...legal.resolve, unit: reading['to-cao'] },
      complexResolve: { ...legal.complexResolve, unit: reading['to-cao'] },
    };
  return legal;
}

/**
 * The limits that apply to one case: the department's own per-kind values,
 * else the stricter of its service values and the law's per-kind values (a
 * denunciation is accepted within 7 working days even when the service says
 * 10). A service value in another unit than the law's reading cannot be
 * compared without a date, so the law's applies.
 */
export function limitsFor(
  services: Services,
  id: ServiceId,
  kind?: ComplaintKind,
  reading: LegalReading = DEFAULT_LEGAL_READING,
): ServiceLimits {
  const service = services[id];
  const base: ServiceLimits = {
    accept: service.acceptLimit,
    resolve: service.resolveLimit,
    complexResolve: service.complexResolveLimit,
  };
  if (id !== 'khieu-nai-to-cao' || !kind) return base;
  const own = service.kinds?.[kind];
  const legal = legalKindLimits(kind, reading);
  const pick = (declared: ServiceTimeLimit | undefined, serviceValue: ServiceTimeLimit, cap: ServiceTimeLimit) =>
    declared ?? (serviceValue.unit !== cap.unit || workingDayCeiling(serviceValue) > cap.value ? cap : serviceValue);
  return {
    accept: pick(own?.acceptLimit, base.accept, legal.accept),
    resolve: pick(own?.resolveLimit, base.resolve, legal.resolve),
    complexResolve: pick(own?.complexResolveLimit, base.complexResolve, legal.complexResolve),
  };
}
