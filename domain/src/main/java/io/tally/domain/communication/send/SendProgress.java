package io.tally.domain.communication.send;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A send's fan-out so far: the pages recorded done (each once, A68-style done marks), how many pages there are (known
 * once the last page is done), the messages queued and the cards skipped (no primary e-mail, not in the segment) by
 * the pages done, and when a page last made progress ({@code at}: the start, then each page recorded).
 */
public record SendProgress(Set<Integer> pagesDone, Optional<Integer> pages, long queued, long skipped,
                           Optional<Instant> at) {
    public static final SendProgress NONE = new SendProgress(Set.of(), Optional.empty(), 0, 0, Optional.empty());

    public SendProgress {
        pagesDone = Set.copyOf(pagesDone);
        Objects.requireNonNull(pages, "pages");
        Objects.requireNonNull(at, "at");
        if (queued < 0 || skipped < 0) {
            throw new IllegalArgumentException("negative counts");
        }
    }

    public boolean pageDone(int page) {
        return pagesDone.contains(page);
    }

    /** Every page is done: the last page has said how many there are, and that many are done. */
    public boolean allPagesDone() {
        return pages.isPresent() && pagesDone.size() == pages.get();
    }

    public SendProgress started(Instant now) {
        return new SendProgress(pagesDone, pages, queued, skipped, Optional.of(now));
    }
}
