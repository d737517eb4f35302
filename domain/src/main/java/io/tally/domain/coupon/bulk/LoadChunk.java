package io.tally.domain.coupon.bulk;

import io.tally.domain.tenant.BrandId;
import java.util.List;
import java.util.Objects;

/**
 * One message of a load on the coupon-load queue: a CSV chunk carries its lines with their line numbers; a generate
 * chunk carries only how many codes it makes ({@code count}), derived again from the job's secret on every delivery.
 */
public record LoadChunk(BrandId brand, LoadJobId job, int chunk, List<NumberedLine> lines, int count) {
    /** CSV lines per chunk, and a bound on their characters (an SQS message holds at most 256 KB). */
    public static final int CSV_LINES = 500;
    public static final int CSV_CHARACTERS = 200_000;
    /** Generated codes per chunk. */
    public static final int GENERATED = 1_000;

    public LoadChunk {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(job, "job");
        lines = List.copyOf(lines);
        if (chunk < 0) {
            throw new IllegalArgumentException("negative chunk number");
        }
        if (lines.isEmpty() == (count == 0)) {
            throw new IllegalArgumentException("a chunk carries either lines or a count of codes to generate");
        }
        if (count < 0 || count > GENERATED || lines.size() > CSV_LINES) {
            throw new IllegalArgumentException("chunk too large");
        }
    }

    public static LoadChunk csv(BrandId brand, LoadJobId job, int chunk, List<NumberedLine> lines) {
        return new LoadChunk(brand, job, chunk, lines, 0);
    }

    public static LoadChunk generate(BrandId brand, LoadJobId job, int chunk, int count) {
        return new LoadChunk(brand, job, chunk, List.of(), count);
    }

    /** Lines or codes in this chunk. */
    public int size() {
        return lines.isEmpty() ? count : lines.size();
    }
}
