package io.tally.sqs.s3;

import io.tally.domain.report.export.ReportFilesPort;
import io.tally.domain.report.export.ReportId;
import io.tally.domain.tenant.BrandId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/**
 * The exports' objects in one S3 bucket: {@code reports/<brand>/<id>/shard-<n>.csv} per shard and
 * {@code reports/<brand>/<id>/report.csv}, the file. A shard streams through a {@link MultipartOut} (one part buffer
 * of {@value MultipartOut#PART_BYTES} bytes, so memory is flat whatever the shard's size). The file is one multipart
 * upload: a shard object of at least S3's minimum part size that starts a part is copied server-side
 * ({@code UploadPartCopy}, no bytes through the function); smaller ones are streamed through the part buffer, since
 * every part but the last must reach the minimum on S3. Downloads are presigned GETs (SigV4) with a short lifetime,
 * minted when the staff member follows the e-mailed link (a URL presigned with a function's temporary credentials
 * would die with them, long before the link's seven days).
 */
public final class S3ReportFiles implements ReportFilesPort {
    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3ReportFiles(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public ShardUpload openShard(BrandId brand, ReportId report, int shard) {
        MultipartOut out = new MultipartOut(s3, bucket, shardKey(brand, report, shard));
        return new ShardUpload() {
            @Override
            public MultipartOut stream() {
                return out;
            }

            @Override
            public void complete() {
                out.complete();
            }

            @Override
            public void abort() {
                out.abort();
            }
        };
    }

    @Override
    public void assemble(BrandId brand, ReportId report, int shards) {
        MultipartOut file = new MultipartOut(s3, bucket, fileKey(brand, report));
        try {
            for (int shard = 0; shard < shards; shard++) {
                String key = shardKey(brand, report, shard);
                long size = s3.headObject(r -> r.bucket(bucket).key(key)).contentLength();
                if (file.atPartBoundary() && size >= MultipartOut.MIN_PART_BYTES) {
                    file.copyPart(part -> UploadPartCopyRequest.builder().sourceBucket(bucket).sourceKey(key)
                            .destinationBucket(bucket).destinationKey(file.key()).uploadId(file.uploadId())
                            .partNumber(part).build());
                    continue;
                }
                try (ResponseInputStream<GetObjectResponse> in = s3.getObject(GetObjectRequest.builder().bucket(bucket)
                        .key(key).build())) {
                    in.transferTo(file);
                }
            }
            file.complete();
        } catch (IOException e) {
            file.abort();
            throw new UncheckedIOException("reading a shard of report " + report + " failed", e);
        } catch (RuntimeException e) {
            file.abort();
            throw e;
        }
    }

    @Override
    public URI downloadUrl(BrandId brand, ReportId report, String fileName, Duration lifetime) {
        GetObjectRequest get = GetObjectRequest.builder().bucket(bucket).key(fileKey(brand, report))
                .responseContentType("text/csv; charset=utf-8")
                .responseContentDisposition("attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .build();
        return URI.create(presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(lifetime)
                .getObjectRequest(get).build()).url().toString());
    }

    /** The report's file, for tests and tools. */
    public InputStream open(BrandId brand, ReportId report) {
        return s3.getObject(GetObjectRequest.builder().bucket(bucket).key(fileKey(brand, report)).build());
    }

    static String shardKey(BrandId brand, ReportId report, int shard) {
        return prefix(brand, report) + String.format("shard-%05d.csv", shard);
    }

    static String fileKey(BrandId brand, ReportId report) {
        return prefix(brand, report) + "report.csv";
    }

    private static String prefix(BrandId brand, ReportId report) {
        return "reports/" + brand.value() + "/" + report.value() + "/";
    }
}
