import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  convertToUnicode,
  ENCODING_LABELS,
  formatNumber,
  isConversionSource,
  UnknownEncodingError,
  type ConversionSource,
  type TextEncoding,
} from '#src/text/index.ts';
import { DomainError, isDomainError } from '#src/errors.ts';

/**
 * `npm run convert -- [--from tcvn3|vni|viqr|auto] [--out <folder>] <file|folder>`
 *
 * Điều 8.2: content is Unicode TCVN 6909:2001 only. Converts the text files
 * of a tree from TCVN3, VNI or VIQR (and combining marks) to Unicode NFC, in
 * place or into a mirror of the tree under `--out`. A file that needs nothing
 * is not rewritten, so its date and its git status stay as they were.
 */

const USAGE = 'Cách dùng: npm run convert -- [--from tcvn3|vni|viqr|auto] [--out <thư mục>] <tệp hoặc thư mục>';
const EXTENSIONS = new Set(['.md', '.mdx', '.txt', '.yaml', '.yml', '.csv', '.html']);

/** The command line asks for something that cannot be done; exit code 2. */
class ConvertUsageError extends DomainError<{ argv: string[] }> {
  static readonly code = 'CONVERT_USAGE';
  constructor(message: string, argv: string[]) {
    super(ConvertUsageError.code, { argv }, `${message}\n${USAGE}`);
  }
}

/** The file or folder to convert does not exist; exit code 1. */
class ConvertPathNotFoundError extends DomainError<{ path: string }> {
  static readonly code = 'CONVERT_PATH_NOT_FOUND';
  constructor(target: string) {
    super(ConvertPathNotFoundError.code, { path: target }, `Không tìm thấy tệp hoặc thư mục “${target}”.`);
  }
}

interface Options {
  from: ConversionSource;
  out: string | undefined;
  target: string;
}

function parseOptions(argv: string[]): Options {
  let parsed: ReturnType<
    typeof parseArgs<{
      args: string[];
      options: { from: { type: 'string'; default: string }; out: { type: 'string' } };
      allowPositionals: true;
    }>
  >;
  try {
    parsed = parseArgs({
      args: argv,
      options: { from: { type: 'string', default: 'auto' }, out: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch {
    const unknown = argv.find((arg) => arg.startsWith('-') && !/^--(from|out)(=|$)/.test(arg));
    const reason = unknown === undefined ? 'Thiếu giá trị sau --from hoặc --out.' : `Không hiểu tham số “${unknown}”.`;
    throw new ConvertUsageError(reason, argv);
  }
  const { values, positionals } = parsed;
  if (!isConversionSource(values.from)) throw new UnknownEncodingError(values.from);
  if (positionals.length !== 1) throw new ConvertUsageError('Cần đúng một tệp hoặc thư mục để chuyển đổi.', argv);
  return { from: values.from, out: values.out, target: positionals[0] };
}

/** Supported files under a folder, skipping hidden folders, node_modules and the output folder. */
async function listFiles(folder: string, exclude: string | undefined): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules' || full === exclude) continue;
      files.push(...(await listFiles(full, exclude)));
    } else if (entry.isFile() && EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      files.push(full);
    }
  }
  return files.sort();
}

interface FileText {
  text: string;
  /** Not valid UTF-8: raw TCVN3/VNI bytes saved by an old program, read the way Windows shows them. */
  eightBit: boolean;
}

function decodeBytes(bytes: Uint8Array): FileText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), eightBit: false };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), eightBit: true };
  }
}

function changedLines(before: string, after: string): number {
  const a = before.split(/\r\n|\n|\r/);
  const b = after.split(/\r\n|\n|\r/);
  return a.filter((line, index) => line !== b[index]).length;
}

interface FileReport {
  file: string;
  encoding: TextEncoding;
  lines: number;
  eightBit: boolean;
}

async function convertFile(file: string, destination: string, from: ConversionSource): Promise<FileReport | null> {
  const { text, eightBit } = decodeBytes(await readFile(file));
  const result = convertToUnicode(text, { from });
  const changed = result.changed || eightBit;
  if (changed || destination !== file) {
    await mkdir(path.dirname(destination), { recursive: true });
    await writeFile(destination, result.text);
  }
  return changed ? { file, encoding: result.encoding, lines: changedLines(text, result.text), eightBit } : null;
}

/** Paths as the webmaster typed them: relative inside the current folder, absolute outside it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function describe(report: FileReport): string {
  const source = report.eightBit ? `${ENCODING_LABELS[report.encoding]}, tệp 8-bit` : ENCODING_LABELS[report.encoding];
  return `${shown(report.file)}: ${source}, ${formatNumber(report.lines)} dòng đã chuyển`;
}

async function run(argv: string[]): Promise<void> {
  const options = parseOptions(argv);
  const target = path.resolve(options.target);
  const info = await stat(target).catch(() => null);
  if (info === null) throw new ConvertPathNotFoundError(options.target);
  const out = options.out === undefined ? undefined : path.resolve(options.out);
  if (out === target) throw new ConvertUsageError('Thư mục --out phải khác tệp hoặc thư mục nguồn.', argv);

  const files = info.isDirectory() ? await listFiles(target, out) : [target];
  if (info.isFile() && !EXTENSIONS.has(path.extname(target).toLowerCase())) {
    throw new ConvertUsageError(`Chỉ chuyển được các tệp ${[...EXTENSIONS].join(', ')}.`, argv);
  }
  const root = info.isDirectory() ? target : path.dirname(target);
  let converted = 0;
  for (const file of files) {
    const destination = out === undefined ? file : path.join(out, path.relative(root, file));
    const report = await convertFile(file, destination, options.from);
    if (report === null) continue;
    converted += 1;
    console.log(describe(report));
  }
  const where = out === undefined ? '' : `; kết quả ở thư mục ${shown(out)}`;
  console.log(
    `Đã chuyển ${formatNumber(converted)} trong ${formatNumber(files.length)} tệp sang ${ENCODING_LABELS.unicode}, ` +
      `${formatNumber(files.length - converted)} tệp không cần chuyển${where}.`,
  );
}

try {
  await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof ConvertUsageError || error instanceof UnknownEncodingError) {
    console.error(`✗ ${error.message}${error instanceof UnknownEncodingError ? `\n${USAGE}` : ''}`);
    process.exitCode = 2;
  } else if (isDomainError(error)) {
    console.error(`✗ ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
