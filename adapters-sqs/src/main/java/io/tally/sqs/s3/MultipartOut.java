package io.tally.sqs.s3;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;

/**
 * An object written as a stream with bounded memory: bytes collect in one buffer of {@value #PART_BYTES} bytes, each
 * full buffer becomes a part of a multipart upload (started by the first full buffer). An object smaller than one
 * buffer is stored with one PutObject. {@link #complete} stores the object (replacing any earlier one under the key);
 * {@link #abort} drops the upload (and the bucket's lifecycle rule aborts uploads a dead function left behind).
 */
final class MultipartOut extends OutputStream {
    /** S3's smallest part (all but the last). */
    static final int MIN_PART_BYTES = 5 * 1024 * 1024;
    /** Our part size: above the minimum, small enough for a 1 GB function running several shards. */
    static final int PART_BYTES = 8 * 1024 * 1024;
    /** S3's most parts per upload. */
    private static final int MAX_PARTS = 10_000;
    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final byte[] buffer = new byte[PART_BYTES];
    private final List<CompletedPart> parts = new ArrayList<>();
    private int filled;
    private String uploadId;
    private boolean closed;

    MultipartOut(S3Client s3, String bucket, String key) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
    }

    String key() {
        return key;
    }

    @Override
    public void write(int b) {
        if (filled == buffer.length) {
            flushPart();
        }
        buffer[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        while (len > 0) {
            if (filled == buffer.length) {
                flushPart();
            }
            int n = Math.min(len, buffer.length - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    /** Nothing buffered: the next part may be a server-side copy. */
    boolean atPartBoundary() {
        return filled == 0;
    }

    /** The multipart upload's id (started now if need be). */
    String uploadId() {
        if (uploadId == null) {
            uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(key).contentType("text/csv; charset=utf-8"))
                    .uploadId();
        }
        return uploadId;
    }

    /** Adds a part copied server-side; the request is built for the given part number. */
    void copyPart(IntFunction<UploadPartCopyRequest> request) {
        if (filled != 0) {
            throw new IllegalStateException("a copied part must start at a part boundary");
        }
        uploadId();
        int number = nextPart();
        String etag = s3.uploadPartCopy(request.apply(number)).copyPartResult().eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
    }

    @Override
    public void close() {
        complete();
    }

    void complete() {
        if (closed) {
            return;
        }
        closed = true;
        if (uploadId == null) {
            s3.putObject(r -> r.bucket(bucket).key(key).contentType("text/csv; charset=utf-8"),
                    RequestBody.fromBytes(Arrays.copyOf(buffer, filled)));
            return;
        }
        if (filled > 0 || parts.isEmpty()) {
            flushPart();
        }
        s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
    }

    void abort() {
        closed = true;
        if (uploadId != null) {
            try {
                s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
            } catch (RuntimeException ignored) {
                // the lifecycle rule aborts what is left
            }
        }
    }

    private void flushPart() {
        uploadId();
        int number = nextPart();
        String etag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                .contentLength((long) filled), RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0,
                filled), filled)).eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        filled = 0;
    }

    private int nextPart() {
        if (parts.size() == MAX_PARTS) {
            throw new IllegalStateException("more than " + MAX_PARTS + " parts for " + key);
        }
        return parts.size() + 1;
    }
}
