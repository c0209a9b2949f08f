/** Vietnamese text for one invalid form field, keyed by the stable `problem` of a ValidationError issue. */
const PROBLEMS: Record<string, string> = {
  required: 'Trường này là bắt buộc.',
  'too-long': 'Giá trị quá dài.',
  'invalid-format': 'Giá trị không đúng định dạng.',
  'not-allowed': 'Giá trị không được chấp nhận.',
};

export function describeFieldProblem(problem: string): string {
  return PROBLEMS[problem] ?? 'Giá trị không hợp lệ.';
}
