package io.tally.sqs.s3;

import io.tally.domain.communication.assets.AssetFilesPort;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The asset library's images in the Report Center's bucket, under {@code assets/<brand>/} (the bucket's expiry rule
 * covers the reports' prefix only). Objects are stored with their image type and read whole (at most 1 MB each).
 */
public final class S3AssetFiles implements AssetFilesPort {
    private final S3Client s3;
    private final String bucket;

    public S3AssetFiles(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** The client as the Report Center builds it (s3rver's fixed key pair off AWS). */
    public static S3AssetFiles of(String region, Optional<URI> endpoint, AwsCredentialsProvider credentials,
                                  String bucket) {
        return new S3AssetFiles(ReportStorage.client(region, endpoint, ReportStorage.credentials(endpoint, credentials)),
                bucket);
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType)
                .cacheControl("public, max-age=31536000, immutable").build(), RequestBody.fromBytes(bytes));
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(key).build())
                    .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(key).build());
    }
}
