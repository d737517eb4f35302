package io.tally.domain.fakes;

import io.tally.domain.report.export.ExportShard;
import io.tally.domain.report.export.ReportFilesPort;
import io.tally.domain.report.export.ReportId;
import io.tally.domain.report.export.ReportQueuePort;
import io.tally.domain.tenant.BrandId;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The export's object store and queue in memory: shard objects and assembled files by key, and the queued shards.
 * {@link #failNextShard} makes the next shard upload die part-way (the consumer's crash).
 */
public final class InMemoryReportFiles implements ReportFilesPort, ReportQueuePort {
    private final Map<String, byte[]> objects = new HashMap<>();
    private final List<ExportShard> queued = new ArrayList<>();
    private int assembled;
    private boolean failNext;
    private boolean failAssemble;

    @Override
    public synchronized ShardUpload openShard(BrandId brand, ReportId report, int shard) {
        String key = key(brand, report) + "/shard-" + shard;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean fail = failNext;
        failNext = false;
        return new ShardUpload() {
            @Override
            public OutputStream stream() {
                return bytes;
            }

            @Override
            public void complete() {
                if (fail) {
                    throw new IllegalStateException("injected: the upload died");
                }
                synchronized (InMemoryReportFiles.this) {
                    objects.put(key, bytes.toByteArray());
                }
            }

            @Override
            public void abort() {
            }
        };
    }

    @Override
    public synchronized void assemble(BrandId brand, ReportId report, int shards) {
        if (failAssemble) {
            failAssemble = false;
            throw new IllegalStateException("injected: the completion died");
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (int s = 0; s < shards; s++) {
            byte[] part = objects.get(key(brand, report) + "/shard-" + s);
            if (part == null) {
                throw new IllegalStateException("shard " + s + " missing");
            }
            file.writeBytes(part);
        }
        objects.put(key(brand, report) + "/file", file.toByteArray());
        assembled++;
    }

    @Override
    public URI downloadUrl(BrandId brand, ReportId report, String fileName, Duration lifetime) {
        return URI.create("http://files.invalid/" + key(brand, report) + "/" + fileName);
    }

    @Override
    public synchronized void send(List<ExportShard> shards) {
        queued.addAll(shards);
    }

    public synchronized void failNextAssemble() {
        failAssemble = true;
    }

    public synchronized void failNextShard() {
        failNext = true;
    }

    public synchronized Optional<String> file(BrandId brand, ReportId report) {
        return Optional.ofNullable(objects.get(key(brand, report) + "/file")).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** A shard's object as written (empty before it is). */
    public synchronized Optional<String> shard(BrandId brand, ReportId report, int shard) {
        return Optional.ofNullable(objects.get(key(brand, report) + "/shard-" + shard))
                .map(b -> new String(b, StandardCharsets.UTF_8));
    }

    public synchronized List<ExportShard> queued() {
        return List.copyOf(queued);
    }

    public synchronized int assembled() {
        return assembled;
    }

    private static String key(BrandId brand, ReportId report) {
        return brand.value() + "/" + report.value();
    }
}
