/**
 * What `club-alternance emargement` and `club-alternance attestation` share (SPEC §7, §12):
 * the command line (<classeur.xlsx>, one key option, --sortie, --remplacer), the reading of
 * the export (only read, never written) and the writing of the HTML document through
 * ./output (never over the input, even through a link; an existing output only with
 * --remplacer; written whole or not at all). Exit 0 written; 1 refused (unknown date or ID: one
 * French line); 2 unusable command line or file (one French line; the usage only after an
 * unknown option, and on stdout for --help).
 */
import type { MemoryWorkbook } from '../adapters/memory';
import { readXlsx, XlsxReadError } from '../adapters/xlsx';
import type { Day } from '../core/days';
import { requireDocumentParticipants } from '../core/documents/data';
import { isUserError } from '../core/errors';
import { findTabName, PARTICIPANTS } from '../core/schema';
import type { WorkbookModel } from '../core/workbook';
import { DOCUMENTS_TEXT } from '../i18n/fr/documents';
import { readModel } from '../app/read';
import { inputProblem } from './input';
import { CLI_TIME_ZONE, CliIo, cliArguments, EXIT_ERRORS, EXIT_OK, EXIT_UNUSABLE } from './io';
import { checkOutputPath, outputErrorLine, writeOutputFile } from './output';

const CLI_TEXT = DOCUMENTS_TEXT.cli;

export interface DocumentCommand {
  usage: string;
  /** The option naming what to print (`--date`, `--id`) and the message when it is missing. */
  keyOption: string;
  missingKey: string;
  /** Checks the key's form: a French message, or null when it is usable. */
  checkKey(key: string): string | null;
  /** The document, or a UserError refusing it (an unknown date or ID). */
  build(model: WorkbookModel, key: string, today: Day): { html: string; written(output: string): string };
}

interface DocumentArgs {
  file: string;
  key: string;
  output: string;
  replace: boolean;
}

/**
 * A refused command line: one French line on stderr (SPEC §7); the usage follows only an
 * unknown option (the user may not know the options).
 */
interface ArgsRefusal {
  message: string;
  withUsage: boolean;
}

const refusal = (message: string, withUsage = false): ArgsRefusal => ({ message, withUsage });

function parseArgs(command: DocumentCommand, args: readonly string[]): DocumentArgs | ArgsRefusal {
  let file: string | null = null;
  let key: string | null = null;
  let output: string | null = null;
  let replace = false;
  for (const { name, raw, value } of cliArguments(args)) {
    if (name === command.keyOption) {
      key = value();
      if (key === null || key.trim() === '') return refusal(command.missingKey);
    } else if (name === '--sortie') {
      output = value()?.trim() ?? null;
      if (!output) return refusal(CLI_TEXT.missingOutput);
    } else if (name === '--remplacer') replace = true;
    else if (raw.startsWith('-') && raw.length > 1) return refusal(CLI_TEXT.unknownOption(raw), true);
    else if (file === null) file = raw;
    else return refusal(CLI_TEXT.extraArgument(raw));
  }
  if (file === null) return refusal(CLI_TEXT.missingFile);
  if (key === null) return refusal(command.missingKey);
  if (output === null) return refusal(CLI_TEXT.missingOutput);
  const keyProblem = command.checkKey(key);
  return keyProblem === null ? { file, key, output, replace } : refusal(keyProblem);
}

async function readWorkbookFile(file: string, io: CliIo): Promise<MemoryWorkbook | null> {
  // An empty, encrypted or damaged file: readXlsx says which.
  try {
    return await readXlsx(file, CLI_TIME_ZONE);
  } catch (e) {
    io.err(e instanceof XlsxReadError ? e.message : CLI_TEXT.notXlsx(file));
    return null;
  }
}

export async function runDocumentCommand(command: DocumentCommand, args: string[], io: CliIo, today: Day): Promise<number> {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    io.out(command.usage);
    return EXIT_OK;
  }
  const parsed = parseArgs(command, args);
  if ('message' in parsed) {
    io.err(parsed.withUsage ? `${parsed.message}\n${command.usage}` : parsed.message);
    return EXIT_UNUSABLE;
  }
  const { file, key, output, replace } = parsed;
  const problem = inputProblem(file, CLI_TEXT.notXlsx);
  if (problem !== null) {
    io.err(problem);
    return EXIT_UNUSABLE;
  }
  const outputOptions = { replace, inputPath: file, extension: '.html' };
  try {
    checkOutputPath(output, outputOptions); // the input itself (even through a link), a folder, an existing file…
  } catch (e) {
    io.err(outputErrorLine(e, output));
    return EXIT_UNUSABLE;
  }
  const workbook = await readWorkbookFile(file, io);
  if (workbook === null) return EXIT_UNUSABLE;
  if (findTabName(workbook.sheetNames(), PARTICIPANTS.name) === null) {
    io.err(CLI_TEXT.noParticipants(file));
    return EXIT_UNUSABLE;
  }
  const model = readModel(workbook);
  let doc: ReturnType<DocumentCommand['build']>;
  try {
    requireDocumentParticipants(model);
  } catch (e) {
    if (!isUserError(e)) throw e;
    io.err(e.message);
    return EXIT_UNUSABLE;
  }
  try {
    doc = command.build(model, key, today);
  } catch (e) {
    // A refusal of the date or the ID (unknown, anonymised, repeated, nobody listed).
    if (!isUserError(e)) throw e;
    io.err(e.message);
    return EXIT_ERRORS;
  }
  try {
    await writeOutputFile(output, doc.html, outputOptions);
  } catch (e) {
    // An OutputError naming the file: existing meanwhile, cannot write.
    io.err(outputErrorLine(e, output));
    return EXIT_UNUSABLE;
  }
  io.out(doc.written(output));
  return EXIT_OK;
}
