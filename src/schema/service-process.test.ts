import { describe, expect, it } from 'vitest';
import { limitsFor, SERVICE_IDS, ServicesSchema, type ServicesInput } from '#src/schema/service-process.ts';

const issues = (input: unknown) =>
  (ServicesSchema.safeParse(input).error?.issues ?? []).map((i) => ({
    path: i.path.join('.'),
    code: i.code,
    message: i.message,
  }));

describe('declared service processes (Điều 14)', () => {
  it('gives a department that declares nothing all six services with the legal limits', () => {
    const services = ServicesSchema.parse({});
    expect(Object.keys(services).sort()).toEqual([...SERVICE_IDS].sort());
    // Luật Tiếp cận thông tin 2016 (docs/adr/0048): 3 working days for available information, 10 otherwise, 20 after the one extension.
    expect(services['tiep-can-thong-tin']).toMatchObject({
      acceptLimit: { value: 3, unit: 'ngay-lam-viec' },
      resolveLimit: { value: 10, unit: 'ngay-lam-viec' },
      complexResolveLimit: { value: 20, unit: 'ngay-lam-viec' },
    });
    for (const id of SERVICE_IDS.filter((s) => s !== 'tiep-can-thong-tin')) {
      expect(services[id].enabled).toBe(true);
      expect(services[id].steps.length).toBeGreaterThan(0);
      expect(services[id].acceptLimit).toEqual({ value: 10, unit: 'ngay-lam-viec' });
      expect(services[id].resolveLimit).toEqual({ value: 30, unit: 'ngay-lam-viec' });
      expect(services[id].complexResolveLimit).toEqual({ value: 45, unit: 'ngay-lam-viec' });
    }
  });

  it('refuses a request-for-information limit longer than the law’s, or in calendar days', () => {
    expect(ServicesSchema.safeParse({ 'tiep-can-thong-tin': { resolveLimit: 15 } }).success).toBe(false);
    expect(
      ServicesSchema.safeParse({ 'tiep-can-thong-tin': { acceptLimit: { value: 3, unit: 'ngay' } } }).success,
    ).toBe(false);
    expect(
      ServicesSchema.parse({ 'tiep-can-thong-tin': { resolveLimit: 7 } })['tiep-can-thong-tin'].resolveLimit,
    ).toEqual({ value: 7, unit: 'ngay-lam-viec' });
  });

  it('reads a number as working days and keeps what the department wrote', () => {
    const input: ServicesInput = {
      'ho-so': { enabled: false },
      'hoi-dap': {
        resolveLimit: 15,
        steps: [
          {
            id: 'tiep-nhan',
            title: 'Tiếp nhận câu hỏi',
            role: 'reception-officer',
            timeLimit: { value: 8, unit: 'gio' },
          },
          {
            id: 'tra-loi',
            title: 'Trả lời',
            officer: { name: 'Lê Quang Minh', position: 'Chuyên viên Phòng Pháp chế' },
            timeLimit: 5,
          },
        ],
      },
    };
    const services = ServicesSchema.parse(input);
    expect(services['ho-so'].enabled).toBe(false);
    expect(services['hoi-dap'].resolveLimit).toEqual({ value: 15, unit: 'ngay-lam-viec' });
    expect(services['hoi-dap'].steps[1]!.officer!.name).toBe('Lê Quang Minh');
    expect(services['hoi-dap'].steps[0]!.timeLimit).toEqual({ value: 8, unit: 'gio' });
  });

  it('asks for exactly one responsible person per step', () => {
    const both = { id: 'a', title: 'Bước', role: 'head', officer: { name: 'Nguyễn Văn An' }, timeLimit: 1 };
    const none = { id: 'b', title: 'Bước', timeLimit: 1 };
    expect(issues({ 'hoi-dap': { steps: [both, none] } }).map((i) => i.path)).toEqual([
      'hoi-dap.steps.0.role',
      'hoi-dap.steps.1.role',
    ]);
  });

  it('refuses repeated step ids, unknown roles and units, bad limits', () => {
    const s = (id: string, extra: object = {}) => ({ id, title: 'Bước', role: 'head', timeLimit: 1, ...extra });
    expect(issues({ 'hoi-dap': { steps: [s('a'), s('a')] } }).map((i) => i.path)).toEqual(['hoi-dap.steps.1.id']);
    expect(issues({ 'hoi-dap': { steps: [s('a', { role: 'director' })] } }).map((i) => i.path)).toEqual([
      'hoi-dap.steps.0.role',
    ]);
    expect(
      issues({ 'hoi-dap': { steps: [s('a', { timeLimit: { value: 2, unit: 'weeks' } })] } }).map((i) => i.path),
    ).toEqual(['hoi-dap.steps.0.timeLimit.unit']);
    expect(issues({ 'hoi-dap': { resolveLimit: 0 } }).map((i) => i.path)).toEqual(['hoi-dap.resolveLimit.value']);
    expect(issues({ 'hoi-dap': { resolveLimit: 2.5 } }).map((i) => i.path)).toEqual(['hoi-dap.resolveLimit.value']);
    expect(issues({ 'hoi-dap': { steps: [s('Tiếp nhận')] } }).map((i) => i.path)).toEqual(['hoi-dap.steps.0.id']);
  });

  it('holds complaint limits to the law: a department may shorten them, never lengthen', () => {
    expect(issues({ 'khieu-nai-to-cao': { acceptLimit: 7, resolveLimit: 20, complexResolveLimit: 30 } })).toEqual([]);
    expect(issues({ 'khieu-nai-to-cao': { resolveLimit: 31 } }).map((i) => i.path)).toEqual([
      'khieu-nai-to-cao.resolveLimit',
    ]);
    expect(issues({ 'khieu-nai-to-cao': { acceptLimit: { value: 12, unit: 'ngay' } } }).map((i) => i.path)).toEqual([
      'khieu-nai-to-cao.acceptLimit',
    ]);
    expect(issues({ 'khieu-nai-to-cao': { kinds: { 'to-cao': { acceptLimit: 8 } } } }).map((i) => i.path)).toEqual([
      'khieu-nai-to-cao.kinds.to-cao.acceptLimit',
    ]);
    expect(issues({ 'hoi-dap': { resolveLimit: 60, complexResolveLimit: 90 } })).toEqual([]);
  });

  it('refuses a complex-case limit shorter than the ordinary one', () => {
    expect(issues({ 'hoi-dap': { resolveLimit: 20, complexResolveLimit: 10 } }).map((i) => i.path)).toEqual([
      'hoi-dap.complexResolveLimit',
    ]);
  });

  it('refuses steps that together take longer than the service may', () => {
    const steps = [{ id: 'a', title: 'Bước dài', role: 'handling-officer', timeLimit: 60 }];
    expect(issues({ 'hoi-dap': { steps } }).map((i) => i.path)).toEqual(['hoi-dap.steps']);
  });

  it('refuses misspelt keys instead of falling back to the defaults', () => {
    expect(issues({ 'hoi-dap': { resolveLimt: 20 } }).map((i) => [i.path, i.code])).toEqual([
      ['hoi-dap', 'unrecognized_keys'],
    ]);
    expect(issues({ 'hoi-dap-truc-tuyen': {} }).map((i) => [i.path, i.code])).toEqual([['', 'unrecognized_keys']]);
    expect(
      issues({ 'hoi-dap': { steps: [{ id: 'a', title: 'Bước', role: 'head', timeLimit: 1, deadline: 3 }] } }).map(
        (i) => i.path,
      ),
    ).toEqual(['hoi-dap.steps.0']);
  });

  it('answers in Vietnamese', () => {
    const all = issues({
      'hoi-dap': { enabled: 'có', resolveLimit: 'ba mươi', steps: [] },
      'ho-so': { steps: [{}] },
      'khieu-nai-to-cao': { kinds: { khac: {} } },
      'gop-y-du-thao': 'không',
      'phan-hoi-website': { enabled: true, khac: 1 },
    });
    expect(all.length).toBeGreaterThan(3);
    for (const issue of all) {
      expect(issue.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]/i);
      expect(issue.message).not.toMatch(/\b(Invalid|Expected|Required|Too (big|small))\b/);
    }
  });

  it('applies the stricter acceptance limit of Luật Tố cáo to a denunciation', () => {
    const services = ServicesSchema.parse({});
    expect(limitsFor(services, 'khieu-nai-to-cao', 'khieu-nai').accept).toEqual({ value: 10, unit: 'ngay-lam-viec' });
    expect(limitsFor(services, 'khieu-nai-to-cao', 'to-cao').accept).toEqual({ value: 7, unit: 'ngay-lam-viec' });
    expect(limitsFor(services, 'hoi-dap').resolve).toEqual({ value: 30, unit: 'ngay-lam-viec' });
    const own = ServicesSchema.parse({
      'khieu-nai-to-cao': { acceptLimit: 5, kinds: { 'to-cao': { resolveLimit: 20 } } },
    });
    expect(limitsFor(own, 'khieu-nai-to-cao', 'to-cao')).toMatchObject({
      accept: { value: 5 },
      resolve: { value: 20 },
    });
  });
});

describe('per-kind limits', () => {
  it('belong to the complaint service only', () => {
    expect(issues({ 'hoi-dap': { kinds: { 'to-cao': { acceptLimit: 5 } } } }).map((i) => i.path)).toEqual([
      'hoi-dap.kinds',
    ]);
    const unknownKind = issues({ 'khieu-nai-to-cao': { kinds: { 'khieu-nai-lan-hai': { acceptLimit: 5 } } } });
    expect(unknownKind.map((i) => i.path)).toEqual(['khieu-nai-to-cao.kinds']);
    expect(unknownKind[0]!.code).toBe('unrecognized_keys');
  });
});
