/**
 * Reads one file out of the gzipped tarball `opa build` writes. The bundle format is plain
 * ustar (OPA writes regular files only), so a few lines replace a tar dependency.
 */

import { gunzipSync } from 'node:zlib';

const BLOCK = 512;

function field(header: Buffer, offset: number, length: number): string {
  const raw = header.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

/** The content of `name` (leading slash optional) in a .tar.gz, or undefined when absent. */
export function readFromTarGz(archive: Buffer, name: string): Buffer | undefined {
  const tar = gunzipSync(archive);
  const wanted = name.replace(/^\/+/, '');
  let offset = 0;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) return undefined;
    const entryName = (field(header, 345, 155) ? `${field(header, 345, 155)}/` : '') + field(header, 0, 100);
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    const start = offset + BLOCK;
    if (entryName.replace(/^\/+/, '') === wanted) return Buffer.from(tar.subarray(start, start + size));
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return undefined;
}
