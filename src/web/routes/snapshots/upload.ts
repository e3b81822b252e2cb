import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import busboy from 'busboy';

export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;
const ACCEPTED = /\.(xlsx|csv|zip)$/i;

export interface Upload {
  dir: string;
  files: { path: string; name: string }[];
  fields: Record<string, string>;
}

export class UploadError extends Error {}

/** Streams a multipart upload to an owner-only folder under the data directory. */
export function receiveUpload(req: Request, uploadsDir: string): Promise<Upload> {
  const dir = path.join(uploadsDir, randomUUID());
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    const files: Upload['files'] = [];
    const writes: Promise<void>[] = [];
    let failure: Error | null = null;
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { fileSize: MAX_UPLOAD_BYTES, files: 20, fields: 20 },
      });
    } catch {
      fs.rmSync(dir, { recursive: true, force: true });
      reject(new UploadError('The form was not sent as a file upload'));
      return;
    }
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (_name, stream, info) => {
      const original = path.basename(info.filename || '');
      if (!original) {
        stream.resume();
        return;
      }
      if (!ACCEPTED.test(original)) {
        failure ??= new UploadError(`${original} is not an xlsx, csv or zip file`);
        stream.resume();
        return;
      }
      const target = path.join(dir, `${files.length}-${original.replace(/[^\w.() -]/g, '_')}`);
      files.push({ path: target, name: original });
      const out = fs.createWriteStream(target, { mode: 0o600 });
      writes.push(
        new Promise<void>((done, fail) => {
          stream.on('limit', () => {
            failure ??= new UploadError(`${original} is larger than the 1 GB limit`);
          });
          out.on('finish', done);
          out.on('error', fail);
        }),
      );
      stream.pipe(out);
    });
    parser.on('error', (error: Error) => {
      failure ??= new UploadError(`The upload could not be read: ${error.message}`);
    });
    parser.on('close', () => {
      Promise.all(writes).then(
        () => {
          if (failure) {
            fs.rmSync(dir, { recursive: true, force: true });
            reject(failure);
          } else resolve({ dir, files, fields });
        },
        (error: unknown) => {
          fs.rmSync(dir, { recursive: true, force: true });
          reject(error as Error);
        },
      );
    });
    req.pipe(parser);
  });
}
