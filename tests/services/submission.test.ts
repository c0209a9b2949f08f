import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  ComplaintSubmissionSchema,
  DossierSubmissionSchema,
  DraftCommentSubmissionSchema,
  fieldIssues,
  QuestionSubmissionSchema,
  SUBMISSION_SCHEMAS,
  WebsiteFeedbackSubmissionSchema,
} from '#src/schema/submission/index.ts';

/** Vietnamese needs letters English never uses; zod's own English must never leak. */
function expectVietnamese(message: string) {
  expect(message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]/i);
  expect(message).not.toMatch(/\b(Invalid|Expected|Required|received|Too (big|small)|must)\b/);
}

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.error
    ? fieldIssues(result.error).map(({ field, problem, message }) => ({ path: field, problem, message }))
    : [];
}

/** Exactly one issue, on `path`, in Vietnamese; returns its stable problem. */
function expectOnly(schema: z.ZodType, input: unknown, path: string) {
  const issues = issuesOf(schema, input);
  expect(issues.map((i) => i.path)).toEqual([path]);
  expectVietnamese(issues[0]!.message);
  return issues[0]!.problem;
}

const CONTROL = 'Nội dung\u0007 có chuông';
const LONG = (n: number) => 'a'.repeat(n + 1);

const complaint = {
  kind: 'khieu-nai',
  fullName: 'Nguyễn Thị Hoa',
  address: '12 Lê Lợi, phường Phú Hội, thành phố Huế',
  idNumber: '046190001234',
  phone: '0912 345 678',
  email: '',
  respondentName: 'Ủy ban nhân dân phường Phú Hội',
  respondentAddress: '5 Nguyễn Công Trứ, thành phố Huế',
  contestedAct: 'Quyết định số 123/QĐ-UBND ngày 05/3/2026',
  content: 'Phường thu hồi đất của gia đình tôi nhưng không bồi thường phần công trình phụ.',
  reasons: 'Công trình được xây dựng hợp pháp trước năm 2010.',
  request: 'Đề nghị hủy Quyết định số 123/QĐ-UBND và bồi thường.',
  consent: 'on',
  homepage: '',
};

describe('complaint and denunciation form (Luật Khiếu nại 2011 Điều 8, Luật Tố cáo 2018 Điều 23)', () => {
  it('accepts a complete complaint and normalises what the citizen typed', () => {
    const parsed = ComplaintSubmissionSchema.parse({
      ...complaint,
      fullName: '  Nguyễn   Thị Hoa ',
      address: complaint.address.normalize('NFD'),
    });
    expect(parsed.kind).toBe('khieu-nai');
    expect(parsed.fullName).toBe('Nguyễn Thị Hoa');
    expect(parsed.address).toBe(complaint.address);
    expect(parsed.address).toBe(parsed.address.normalize('NFC'));
    expect(parsed.phone).toBe('0912345678');
    expect(parsed.email).toBeUndefined();
    expect(parsed.consent).toBe(true);
  });

  it.each([
    ['fullName', undefined, 'required'],
    ['fullName', 'Nguyễn 3 Hoa', 'invalid-format'],
    ['fullName', LONG(100), 'too-long'],
    ['address', '', 'required'],
    ['address', 'Huế', 'too-short'],
    ['address', LONG(300), 'too-long'],
    ['address', 42, 'invalid-format'],
    ['idNumber', undefined, 'required'],
    ['idNumber', '04619000123', 'invalid-format'],
    ['idNumber', '04619000123X', 'invalid-format'],
    ['phone', '12345', 'invalid-format'],
    ['email', 'hoa@', 'invalid-format'],
    ['respondentName', undefined, 'required'],
    ['respondentAddress', '', 'required'],
    ['content', 'Quá ngắn', 'too-short'],
    ['content', CONTROL, 'control-characters'],
    ['content', LONG(10_000), 'too-long'],
    ['reasons', undefined, 'required'],
    ['request', '   ', 'required'],
    ['contestedAct', LONG(500), 'too-long'],
    ['consent', undefined, 'consent-required'],
    ['consent', 'false', 'consent-required'],
    ['homepage', 'http://spam.example', 'not-allowed'],
  ])('points at %s when it is %j (%s)', (field, value, problem) => {
    expect(expectOnly(ComplaintSubmissionSchema, { ...complaint, [field]: value }, field)).toBe(problem);
  });

  it('treats a form without the consent box or the hidden field like an unticked box and an empty field', () => {
    const { consent: _consent, homepage: _homepage, ...rest } = complaint;
    expect(expectOnly(ComplaintSubmissionSchema, rest, 'consent')).toBe('consent-required');
    expect(ComplaintSubmissionSchema.parse({ ...rest, consent: true }).homepage).toBe('');
  });

  it('asks for a telephone number or an e-mail address', () => {
    expect(expectOnly(ComplaintSubmissionSchema, { ...complaint, phone: '', email: '' }, 'phone')).toBe(
      'contact-required',
    );
    expect(ComplaintSubmissionSchema.safeParse({ ...complaint, phone: '', email: 'hoa@example.vn' }).success).toBe(
      true,
    );
  });

  it('shows every problem of the form at once, the missing contact included', () => {
    const issues = issuesOf(ComplaintSubmissionSchema, {
      ...complaint,
      fullName: '',
      phone: undefined,
      content: 'ngắn',
    });
    expect(issues.map((i) => i.path).sort()).toEqual(['content', 'fullName', 'phone']);
  });

  it('asks which kind of letter it is', () => {
    expectOnly(ComplaintSubmissionSchema, { ...complaint, kind: 'khac' }, 'kind');
    expectOnly(ComplaintSubmissionSchema, { ...complaint, kind: undefined }, 'kind');
  });

  it('requires of a denunciation the identity, the person denounced and the violation, not a request', () => {
    const denunciation = { ...complaint, kind: 'to-cao', respondentAddress: '', reasons: '', request: '' };
    expect(ComplaintSubmissionSchema.safeParse(denunciation).success).toBe(true);
    expectOnly(ComplaintSubmissionSchema, { ...denunciation, idNumber: '' }, 'idNumber');
    expectOnly(ComplaintSubmissionSchema, { ...denunciation, respondentName: '' }, 'respondentName');
  });

  it('lets a petition (phản ánh, kiến nghị) go without an ID number or a respondent', () => {
    for (const kind of ['phan-anh', 'kien-nghi']) {
      const petition = {
        ...complaint,
        kind,
        idNumber: '',
        respondentName: '',
        respondentAddress: '',
        reasons: '',
        request: '',
      };
      expect(ComplaintSubmissionSchema.safeParse(petition).success).toBe(true);
      expectOnly(ComplaintSubmissionSchema, { ...petition, idNumber: '123' }, 'idNumber');
    }
  });

  it('refuses characters that reorder or hide text, and keeps line breaks', () => {
    for (const [field, value] of [
      ['content', `${complaint.content} \u202Efdp.exe`],
      ['fullName', 'Nguyễn\tHoa'],
      ['address', 'Số 12\nLê Lợi, Huế'],
      ['content', `${complaint.content}\uD800`],
      ['content', `${complaint.content}\u0085`],
    ]) {
      expect(expectOnly(ComplaintSubmissionSchema, { ...complaint, [field!]: value }, field!)).toBe(
        'control-characters',
      );
    }
    const parsed = ComplaintSubmissionSchema.parse({
      ...complaint,
      content: `Dòng một của đơn khiếu nại.\r\nDòng hai của đơn khiếu nại.`,
    });
    expect(parsed.content).toBe('Dòng một của đơn khiếu nại.\nDòng hai của đơn khiếu nại.');
  });

  it('measures length in characters after normalisation, not in UTF-16 units of the typed form', () => {
    const nfdName = 'Nguyễn Thị Hoa'.normalize('NFD');
    expect(nfdName.length).toBeGreaterThan(14);
    const exactly = 'ễ'.repeat(100).normalize('NFD');
    expect(ComplaintSubmissionSchema.safeParse({ ...complaint, fullName: exactly }).success).toBe(true);
  });

  it('accepts a phone number written the international way', () => {
    expect(ComplaintSubmissionSchema.parse({ ...complaint, phone: '+84 234 3822 149' }).phone).toBe('02343822149');
  });
});

const question = {
  fullName: 'Trần Văn Bình',
  email: 'binh@example.vn',
  title: 'Thủ tục trích lục khai sinh',
  question: 'Tôi làm mất giấy khai sinh, xin hỏi thủ tục xin trích lục bản sao như thế nào?',
  consent: true,
};

describe('question form (Điều 13.3)', () => {
  it('accepts a question and reads the publication checkbox', () => {
    const parsed = QuestionSubmissionSchema.parse({ ...question, allowPublication: 'on' });
    expect(parsed.allowPublication).toBe(true);
    expect(QuestionSubmissionSchema.parse(question).allowPublication).toBe(false);
  });

  it.each([
    ['fullName', ''],
    ['title', 'Ngắn'],
    ['question', undefined],
    ['question', CONTROL],
    ['email', 'khong-phai-thu'],
    ['field', LONG(120)],
    ['consent', false],
    ['homepage', 'x'],
  ])('points at %s when it is %j', (field, value) => {
    expectOnly(QuestionSubmissionSchema, { ...question, [field]: value }, field);
  });

  it('needs a way to send the answer', () => {
    expectOnly(QuestionSubmissionSchema, { ...question, email: '' }, 'phone');
  });
});

const individualDossier = {
  applicantType: 'ca-nhan',
  procedureCode: '2.000635.000.00.00.H57',
  fullName: 'Lê Thị Cúc',
  idNumber: '046 190 001 234',
  address: '3 Hùng Vương, thành phố Huế',
  phone: '0234 3822 149',
  consent: 'true',
};
const organisationDossier = {
  applicantType: 'to-chuc',
  procedureCode: '1.001234',
  organisationName: 'Công ty TNHH Sông Hương',
  taxCode: '3301234567-001',
  fullName: 'Phạm Văn Dũng',
  address: '15 Trần Hưng Đạo, thành phố Huế',
  email: 'lienhe@songhuong.vn',
  consent: true,
};

describe('dossier form (Điều 13.2, 13.4)', () => {
  it('accepts an individual and an organisation', () => {
    expect(DossierSubmissionSchema.parse(individualDossier)).toMatchObject({ idNumber: '046190001234' });
    expect(DossierSubmissionSchema.parse(organisationDossier)).toMatchObject({ taxCode: '3301234567-001' });
  });

  it.each([
    ['procedureCode', undefined],
    ['procedureCode', '1.001234; drop'],
    ['fullName', ''],
    ['idNumber', ''],
    ['address', 'Huế'],
    ['note', CONTROL.repeat(1)],
    ['consent', undefined],
  ])('points at %s of an individual when it is %j', (field, value) => {
    expectOnly(DossierSubmissionSchema, { ...individualDossier, [field]: value }, field);
  });

  it.each([
    ['organisationName', ''],
    ['taxCode', '12345'],
    ['taxCode', undefined],
  ])('points at %s of an organisation when it is %j', (field, value) => {
    expectOnly(DossierSubmissionSchema, { ...organisationDossier, [field]: value }, field);
  });

  it('asks whether the applicant is a person or an organisation', () => {
    expectOnly(DossierSubmissionSchema, { ...individualDossier, applicantType: 'doanh-nghiep' }, 'applicantType');
  });

  it('needs a contact', () => {
    expectOnly(DossierSubmissionSchema, { ...organisationDossier, email: '' }, 'phone');
  });
});

const draftComment = {
  consultation: 'du-thao-quy-dinh-quan-ly-cho',
  fullName: 'Hồ Văn Em',
  email: 'em@example.vn',
  provision: 'Điều 5, khoản 2',
  comment: 'Đề nghị bổ sung quy định về giờ mở cửa chợ đêm.',
  consent: 'on',
};

describe('comment on a draft (Điều 7.8)', () => {
  it('accepts a comment', () => {
    expect(DraftCommentSubmissionSchema.parse(draftComment)).toMatchObject({
      publishName: false,
      provision: 'Điều 5, khoản 2',
    });
  });

  it.each([
    ['consultation', '../../etc/passwd'],
    ['consultation', undefined],
    ['fullName', 'X'],
    ['comment', 'ngắn'],
    ['comment', LONG(10_000)],
    ['provision', LONG(200)],
    ['publishName', 'có'],
    ['consent', 'no'],
    ['homepage', 'filled'],
  ])('points at %s when it is %j', (field, value) => {
    expectOnly(DraftCommentSubmissionSchema, { ...draftComment, [field]: value }, field);
  });
});

const websiteFeedback = {
  category: 'loi-ky-thuat',
  pageUrl: 'https://sotuphap.thuathienhue.gov.vn/tin-tuc/',
  message: 'Trang tin tức không hiển thị ảnh trên điện thoại.',
  consent: true,
};

describe('website feedback', () => {
  it('accepts anonymous feedback', () => {
    expect(WebsiteFeedbackSubmissionSchema.parse({ ...websiteFeedback, pageUrl: '' }).pageUrl).toBeUndefined();
  });

  it.each([
    ['category', 'spam'],
    ['pageUrl', 'javascript:alert(1)'],
    ['message', ''],
    ['message', CONTROL],
    ['email', 'a@b'],
    ['fullName', LONG(100)],
    ['consent', undefined],
    ['homepage', 'x'],
  ])('points at %s when it is %j', (field, value) => {
    expectOnly(WebsiteFeedbackSubmissionSchema, { ...websiteFeedback, [field]: value }, field);
  });
});

describe('every form', () => {
  it.each(Object.entries(SUBMISSION_SCHEMAS))('%s answers nonsense input in Vietnamese only', (_id, schema) => {
    for (const input of [{}, { consent: 1, homepage: 5, fullName: 42, email: [], phone: {} }, null, 'chuỗi']) {
      const issues = issuesOf(schema, input);
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues) expectVietnamese(issue.message);
    }
  });
});
