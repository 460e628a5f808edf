/**
 * Reads one gated file as text, refusing what no deployable document can be: something other than
 * a regular file (a device, a FIFO, a socket, a symlink planted after the walk), a file larger
 * than the cap, an empty file, or bytes that are not UTF-8. Shared by the gate and
 * validate:manifests, so both refuse the same inputs. Errors name the file, never its content.
 */

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { GateInputError } from '../errors';

/**
 * Largest file read. The API server stores an object of at most 1.5 MiB
 * (https://etcd.io/docs/v3.5/dev-guide/limit/), and our largest Terraform plan JSON is far below
 * this; parsing keeps positions, so memory grows about 40 times the file size.
 */
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function refuse(file: string, problem: string): never {
  throw new GateInputError(file, null, problem);
}

/**
 * The file's text. `absolute` must already be the resolved path (collect-files resolves
 * symlinks); it is opened without following a symlink and without blocking on a FIFO.
 */
export function readSourceFile(absolute: string, file: string, maxBytes = MAX_SOURCE_BYTES): string {
  let fd: number;
  try {
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') refuse(file, 'is a symbolic link: refused (it was replaced after the walk)');
    return refuse(file, `cannot be read (${code ?? (error as Error).message})`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) refuse(file, 'is not a regular file (a device, FIFO or socket): refused');
    if (stat.size > maxBytes) {
      refuse(file, `is ${stat.size} bytes, more than the ${maxBytes}-byte cap on a gated file: refused`);
    }
    // One spare byte: a file that grows while being read is caught instead of judged in part.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > stat.size) refuse(file, 'grew while being read: refused (read it again once it is written)');
    }
    const bytes = buffer.subarray(0, length);
    let text: string;
    try {
      text = UTF8.decode(bytes);
    } catch {
      return refuse(file, 'is not valid UTF-8: refused (Kubernetes and Terraform read UTF-8 only)');
    }
    if (text.trim() === '') refuse(file, 'is empty: refused (a gated file must hold at least one document)');
    return text;
  } finally {
    closeSync(fd);
  }
}
