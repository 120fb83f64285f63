// Where input bytes come from. Connectors never see these; only the loader and the CLI open files.
import { createReadStream } from 'node:fs';

/** A named, re-readable stream of bytes. */
export interface InputSource {
  /** the name evidence cites: the path as the user gave it, with `/` separators */
  name: string;
  read(): AsyncIterable<Uint8Array>;
}

/** A file on disk, read in 1 MiB chunks. */
export function fileSource(path: string, name = path): InputSource {
  return {
    name: name.split('\\').join('/'),
    read: () => createReadStream(path, { highWaterMark: 1 << 20 }),
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
