/**
 * Writes NDJSON to one R2 object without holding it in memory: lines are buffered up to one part
 * (8 MiB), and an object that outgrows it becomes an R2 multipart upload of equal-sized parts (R2
 * requires every part but the last to be the same size, at least 5 MiB). The SHA-256 and the
 * counts are computed on the way.
 */
export class NdjsonWriter {
  private readonly encoder = new TextEncoder();
  private readonly digest = new crypto.DigestStream("SHA-256");
  private readonly digestWriter = this.digest.getWriter();
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  private upload: R2MultipartUpload | undefined;
  private readonly parts: R2UploadedPart[] = [];
  private rows = 0;
  private bytes = 0;

  constructor(
    private readonly bucket: R2Bucket,
    private readonly key: string,
    private readonly partBytes = 8 * 1024 * 1024,
  ) {}

  /** Appends one JSON line. */
  async write(record: unknown): Promise<void> {
    const line = this.encoder.encode(`${JSON.stringify(record)}\n`);
    await this.digestWriter.write(line);
    this.chunks.push(line);
    this.buffered += line.byteLength;
    this.bytes += line.byteLength;
    this.rows++;
    while (this.buffered >= this.partBytes) await this.uploadPart(this.take(this.partBytes));
  }

  /** Finishes the object; returns its row count, size and hex SHA-256. */
  async close(): Promise<{ rows: number; bytes: number; sha256: string }> {
    const rest = this.take(this.buffered);
    if (this.upload) {
      if (rest.byteLength > 0) await this.uploadPart(rest);
      await this.upload.complete(this.parts);
    } else {
      await this.bucket.put(this.key, rest, {
        httpMetadata: { contentType: "application/x-ndjson" },
      });
    }
    await this.digestWriter.close();
    const hash = Array.from(new Uint8Array(await this.digest.digest), (b) =>
      b.toString(16).padStart(2, "0"),
    ).join("");
    return { rows: this.rows, bytes: this.bytes, sha256: hash };
  }

  /** Gives up: an unfinished multipart upload is aborted so its parts do not linger. */
  async abort(): Promise<void> {
    await this.upload?.abort().catch(() => {});
  }

  private async uploadPart(part: Uint8Array) {
    this.upload ??= await this.bucket.createMultipartUpload(this.key, {
      httpMetadata: { contentType: "application/x-ndjson" },
    });
    this.parts.push(await this.upload.uploadPart(this.parts.length + 1, part));
  }

  /** Removes exactly `size` bytes from the front of the buffer. */
  private take(size: number): Uint8Array {
    const out = new Uint8Array(size);
    let offset = 0;
    while (offset < size) {
      const chunk = this.chunks[0];
      if (!chunk) break;
      const needed = size - offset;
      if (chunk.byteLength <= needed) {
        out.set(chunk, offset);
        offset += chunk.byteLength;
        this.chunks.shift();
      } else {
        out.set(chunk.subarray(0, needed), offset);
        this.chunks[0] = chunk.subarray(needed);
        offset += needed;
      }
    }
    this.buffered -= size;
    return out;
  }
}
