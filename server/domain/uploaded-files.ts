import { fileTypeFromBuffer } from 'file-type';
import { badFile } from '../errors.ts';

/**
 * What every file given to the server is checked for, in one place: its size against a limit, and
 * its type told from its content (never from its name). Refusals carry the stable reasons of
 * errors.ts badFile, so a script can act on FILE_TOO_LARGE or FILE_TYPE_NOT_SUPPORTED wherever
 * it sent the file (a report to read, evidence to keep).
 */

type ContentType = { ext: string; mime: string };

const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** Names for the file types people most often give by mistake. */
const KNOWN_TYPES: Record<string, string> = {
  cfb: 'an old Office file (.doc or .xls): save it as DOCX or XLSX first',
  zip: 'a ZIP archive',
  png: 'a PNG image',
  jpg: 'a JPEG image',
  gif: 'a GIF image',
  odt: 'an OpenDocument text: save it as DOCX first',
  ods: 'an OpenDocument spreadsheet: save it as XLSX first',
  pptx: 'a PowerPoint presentation',
  rtf: 'an RTF document: save it as DOCX first',
  exe: 'a program (.exe)',
  elf: 'a program',
  html: 'a web page',
  xml: 'an XML file',
};

/** Refuses a file larger than the limit, saying both sizes. */
export function refuseTooLarge(content: Buffer, maxBytes: number, path: (string | number)[] = ['file']): void {
  if (content.length > maxBytes) {
    throw badFile('FILE_TOO_LARGE', `the file is ${megabytes(content.length)}; at most ${megabytes(maxBytes)} is accepted`, path);
  }
}

/** The type the content shows, or undefined for content with no signature (plain text, say). */
export async function typeOfContent(content: Buffer): Promise<ContentType | undefined> {
  const type = await fileTypeFromBuffer(content);
  return type && { ext: type.ext, mime: type.mime };
}

/** Refuses a file of a type not accepted here, naming what it is and what is accepted. */
export function refuseType(ext: string | undefined, supported: string, path: (string | number)[] = ['file']): never {
  const what = ext === undefined ? 'this file is not a document of a known kind' : `this is ${KNOWN_TYPES[ext] ?? `a ${ext.toUpperCase()} file`}`;
  throw badFile('FILE_TYPE_NOT_SUPPORTED', `${what}. ${supported}`, path);
}
