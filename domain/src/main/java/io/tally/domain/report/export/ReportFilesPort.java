package io.tally.domain.report.export;

import io.tally.domain.tenant.BrandId;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;

/**
 * The object store the exports are written to (S3). Each shard streams its rows into an object of its own, so memory
 * stays bounded whatever the export's size and a retried shard simply replaces its object; {@link #assemble} joins the
 * shard objects, in shard order, into the report's file. Every method may be called again with the same arguments.
 */
public interface ReportFilesPort {
    /** An upload of one shard's bytes; nothing is visible under the shard's name until {@link ShardUpload#complete}. */
    ShardUpload openShard(BrandId brand, ReportId report, int shard);

    /** Joins shards {@code 0..shards-1} into the report's file (replacing an earlier attempt's). */
    void assemble(BrandId brand, ReportId report, int shards);

    /** A short-lived URL (minutes) that downloads the report's file under {@code fileName}. */
    URI downloadUrl(BrandId brand, ReportId report, String fileName, Duration lifetime);

    /** One shard's upload: write to {@link #stream()}, then {@link #complete()} or {@link #abort()}. */
    interface ShardUpload {
        OutputStream stream();

        /** Stores what was written (the stream is flushed and closed). */
        void complete();

        /** Discards what was written; safe to call after a failure of any kind. */
        void abort();
    }
}
