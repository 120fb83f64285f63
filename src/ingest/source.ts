// Where input bytes come from. Connectors never see these; only the loader and the CLI open files.
import { createReadStream } from 'node:fs';

/** A named, re-readable stream of bytes. */
export interface InputSource {
  /** the name evidence cites: the path as the user gave it, with `/` separators */
  name: string;
  read(): AsyncIterable<Uint8Array>;
}

/**
 * How much of a file is read, decoded and parsed at a time. Everything parsed from one chunk lives
 * until its last row is done; from a 1 MiB chunk that outlived the young generation, was promoted,
 * and grew the old one: 64 KiB took a third off `inspect`'s peak (1M and 5M bench sets) and a fifth
 * off `analyze`'s at 1M, in the same time. 16 KiB was slower.
 */
export const CHUNK_BYTES = 1 << 16;

/** A file on disk, read in `CHUNK_BYTES` chunks. */
export function fileSource(path: string, name = path): InputSource {
  return {
    name: name.split('\\').join('/'),
    read: () => createReadStream(path, { highWaterMark: CHUNK_BYTES }),
  };
}

/** In-memory text or bytes, for tests and for the library API. */
export function textSource(name: string, content: string | Uint8Array, chunkSize = 1 << 16): InputSource {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    name,
    async *read() {
      for (let offset = 0; offset < bytes.length; offset += chunkSize) yield bytes.subarray(offset, offset + chunkSize);
    },
  };
}
