/** One gRPC length-prefixed message (flag byte, 4-byte big-endian length, bytes). */
export interface GrpcFrame {
  readonly compressed: boolean;
  readonly bytes: Buffer;
}

/**
 * Incremental parser of a DATA byte stream into gRPC frames: `push` returns the frames completed by this chunk.
 * Chunks are kept by reference until a frame is whole, so the relay's own chunks are never copied twice.
 */
export function frameParser(): (chunk: Buffer) => GrpcFrame[] {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  return (chunk) => {
    pending.push(chunk);
    pendingBytes += chunk.length;
    const frames: GrpcFrame[] = [];
    for (;;) {
      if (pendingBytes < 5) break;
      const head = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending);
      const length = head.readUInt32BE(1);
      if (head.length < 5 + length) {
        pending = [head];
        break;
      }
      frames.push({ compressed: head[0] === 1, bytes: Buffer.from(head.subarray(5, 5 + length)) });
      const rest = head.subarray(5 + length);
      pending = rest.length > 0 ? [rest] : [];
      pendingBytes = rest.length;
    }
    return frames;
  };
}

/** Encodes one message as a gRPC frame. */
export function encodeFrame(bytes: Buffer, compressed = false): Buffer {
  const head = Buffer.alloc(5);
  head[0] = compressed ? 1 : 0;
  head.writeUInt32BE(bytes.length, 1);
  return Buffer.concat([head, bytes]);
}
