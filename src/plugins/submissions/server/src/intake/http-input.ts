import fs from 'fs/promises';
import type { UploadedFile } from './schema';

/**
 * A submission request's fields and files, whether it came as multipart (strapi::body parsed it with formidable into
 * temporary files) or as JSON. Strapi's body middleware removes only a field called "files" afterwards; every temporary
 * file of this request is listed here so the controller removes it on every path, success or error.
 */

const FILE_FIELDS = ['video', 'cover', 'captions'] as const;

interface FormidableFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

export interface SubmissionRequest {
  fields: Record<string, unknown>;
  /** Fields plus the files in their places: what the schema checks. */
  raw: Record<string, unknown>;
  temporaryFiles: string[];
}

export function readSubmissionRequest(request: {
  body?: unknown;
  files?: Record<string, FormidableFile | FormidableFile[]> | null;
}): SubmissionRequest {
  const body = request.body;
  const fields = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const files = request.files ?? {};
  const temporaryFiles = Object.values(files).flatMap((f) => (Array.isArray(f) ? f : [f]).map((file) => file.filepath));
  const raw: Record<string, unknown> = { ...fields };
  for (const field of FILE_FIELDS) {
    const value = files[field];
    const file = Array.isArray(value) ? value[0] : value;
    if (file) raw[field] = { path: file.filepath, name: file.originalFilename ?? field, size: file.size } satisfies UploadedFile;
  }
  return { fields, raw, temporaryFiles };
}

export async function removeTemporaryFiles(paths: string[]) {
  await Promise.all(paths.map((p) => fs.rm(p, { force: true })));
}
