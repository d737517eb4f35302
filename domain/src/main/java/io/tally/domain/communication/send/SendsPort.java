package io.tally.domain.communication.send;

import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A brand's scheduled sends (A109-A114): one item per send holding its definition, status and fan-out progress, one
 * per listed page, and the brand's sending rate. Edits and status changes are whole-item writes over the version read
 * (so of a cancel and a start racing one wins); the fan-out's progress is one conditional write per page (a page
 * recorded twice counts once) that never changes the version.
 */
public interface SendsPort {
    /** Sends a brand keeps listed (the list page). */
    int MAX_PER_BRAND = 500;
    /** SES's starting sending quota: the rate until the brand sets its own. */
    int DEFAULT_RATE = 14;

    /** Stores a new send (version 1) only if its id is free. */
    boolean create(Send send);

    /** Replaces a send only if the stored one is of the version before {@code changed}'s. */
    boolean update(Send changed);

    /** Consistent read. */
    Optional<Send> find(BrandId brand, String id);

    /** The brand's sends in id order, at most {@link #MAX_PER_BRAND}. */
    List<Send> list(BrandId brand);

    /** QUEUED sends whose time is at or before {@code now}, earliest first, at most {@code limit} (an index, no scan). */
    List<Send> due(BrandId brand, Instant now, int limit);

    /** SENDING sends whose last progress is at or before {@code before}, at most {@code limit} (the stale check). */
    List<Send> stale(BrandId brand, Instant before, int limit);

    /** Page {@code page} as listed, if a delivery has listed it. */
    Optional<PageListing> page(BrandId brand, String send, int page);

    /** Stores page {@code page}'s listing unless one is stored; answers the stored one (this or the first). */
    PageListing list(BrandId brand, String send, int page, PageListing listing);

    /**
     * Records page {@code page} done with its counts, only while the send is SENDING and the page is not done (and, for
     * the last page, how many pages there are); answers the send as the write left it.
     */
    Recorded recordPage(BrandId brand, String send, int page, long queued, long skipped, boolean last, Instant now);

    /** SENDING → {@code to} (SENT or ERROR, with its reason), only while SENDING; false otherwise. */
    boolean finish(BrandId brand, String send, SendStatus to, Optional<String> error, Instant now);

    /** The brand's sending rate in messages per second ({@link #DEFAULT_RATE} until set). */
    int rate(BrandId brand);

    void setRate(BrandId brand, int perSecond);

    record Recorded(boolean recorded, Optional<Send> send) {
        public Recorded {
            Objects.requireNonNull(send, "send");
        }
    }
}
