package io.tally.domain.communication.send;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.communication.TemplateSms;
import io.tally.domain.email.EmailOutboxPort;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.PortalConfigPort;
import io.tally.domain.segment.BrandCardsPort;
import io.tally.domain.segment.BrandCardsPort.CardsPage;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.evaluation.SegmentSnapshotsPort;
import io.tally.domain.segment.evaluation.Snapshot;
import io.tally.domain.segment.evaluation.SnapshotKey;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fan-out of scheduled sends. {@link #start} flips a due QUEUED send to SENDING in one conditional write (so a
 * cancel racing it either wins and nothing is ever sent, or loses and is refused), fixing the segment's READY snapshot
 * and the brand's rate, and queues the first page. Each page's delivery ({@link #page}) fixes its listing of the brand's
 * cards (A88), queues the next page delayed by the page's size over the rate, queues one {@code TemplateMail} per
 * recipient card with a primary e-mail ({@code send-<send>-<card>}: the e-mail sender's claim, A23, sends each once
 * whatever the duplicates), or on the SMS channel one text per card with a usable phone ({@code queueTexts}), and
 * records itself done with its counts in one conditional write; the write that leaves every page done flips the send SENT. {@link #runDue} (the jobs function) starts due sends, re-queues the first page
 * of a send that crashed between its start and that queueing, and marks a send ERROR whose pages made no progress for
 * {@link #STALE_AFTER} (a page that failed until it reached the dead-letter queue).
 */
public final class SendFanoutUseCase {
    /** Cards per page: A88's page. */
    public static final int PAGE = BrandCardsPort.MAX_PAGE;
    /** A SENDING send without progress this long has a page in the dead-letter queue (pages are paced ≤ 15 minutes). */
    public static final Duration STALE_AFTER = Duration.ofHours(1);
    /** A SENDING send whose first page is not done this long after its start is re-queued from its first page. */
    public static final Duration RESUME_AFTER = Duration.ofMinutes(10);
    static final int DUE_LIMIT = 50;

    private final SendsPort sends;
    private final BrandCardsPort brandCards;
    private final CardPort cards;
    private final SegmentSnapshotsPort snapshots;
    private final PortalConfigPort portals;
    private final SendPagesQueuePort pages;
    private final EmailOutboxPort outbox;
    private final SendMails mails;
    private final Optional<SmsChannel> sms;
    private final Clock clock;

    /** E-mail only: a page of a send on the SMS channel fails here. */
    public SendFanoutUseCase(SendsPort sends, BrandCardsPort brandCards, CardPort cards, SegmentSnapshotsPort snapshots,
                             PortalConfigPort portals, SendPagesQueuePort pages, EmailOutboxPort outbox, SendMails mails,
                             Clock clock) {
        this(sends, brandCards, cards, snapshots, portals, pages, outbox, mails, Optional.empty(), clock);
    }

    /** @param sms the SMS channel (its texts and queue), where the graph has it */
    public SendFanoutUseCase(SendsPort sends, BrandCardsPort brandCards, CardPort cards, SegmentSnapshotsPort snapshots,
                             PortalConfigPort portals, SendPagesQueuePort pages, EmailOutboxPort outbox, SendMails mails,
                             Optional<SmsChannel> sms, Clock clock) {
        this.sms = sms;
        this.sends = sends;
        this.brandCards = brandCards;
        this.cards = cards;
        this.snapshots = snapshots;
        this.portals = portals;
        this.pages = pages;
        this.outbox = outbox;
        this.mails = mails;
        this.clock = clock;
    }

    public enum Result {
        /** The page queued its recipients' messages and was recorded by this delivery. */
        SENT_PAGE,
        /** Recorded before, or the send is not SENDING: nothing queued. */
        SKIPPED,
        NO_SUCH_SEND
    }

    /** What one run of the jobs function did for a brand. */
    public record Due(int started, int resumed, int failed) {
    }

    /** Starts the brand's due sends, resumes one stuck at its start, fails one stuck for good. */
    public Due runDue(BrandId brand) {
        Instant now = clock.instant();
        int started = 0;
        for (Send s : sends.due(brand, now, DUE_LIMIT)) {
            started += start(s) ? 1 : 0;
        }
        int resumed = 0;
        int failed = 0;
        for (Send s : sends.stale(brand, now.minus(RESUME_AFTER), DUE_LIMIT)) {
            Instant last = s.progress().at().orElse(s.updatedAt());
            if (!last.isAfter(now.minus(STALE_AFTER))) {
                failed += sends.finish(brand, s.id(), SendStatus.ERROR, Optional.of("No progress since " + last
                        + ": a page of the send failed repeatedly (see the mailings dead-letter queue)."), now) ? 1 : 0;
            } else if (!s.progress().pageDone(0)) {
                pages.send(new SendPage(brand, s.id(), 0, Optional.empty()), Duration.ZERO);
                resumed++;
            }
        }
        return new Due(started, resumed, failed);
    }

    /**
     * QUEUED → SENDING (or ERROR when its segment has no READY snapshot) by one write over the version read; true if this
     * call started it. A send no longer QUEUED at that version (cancelled, started by another) is left alone.
     */
    public boolean start(Send queued) {
        if (queued.status() != SendStatus.QUEUED) {
            return false;
        }
        Instant now = clock.instant();
        Optional<String> snapshot = Optional.empty();
        if (queued.segment().isPresent()) {
            Optional<Snapshot> ready = snapshots.latestReady(queued.brand(), new SegmentId(queued.segment().get()));
            if (ready.isEmpty()) {
                sends.update(queued.failed("The segment has no evaluated snapshot: nothing was sent.", now));
                return false;
            }
            snapshot = Optional.of(ready.get().key().text());
        }
        if (!sends.update(queued.started(snapshot, sends.rate(queued.brand()), now))) {
            return false;
        }
        pages.send(new SendPage(queued.brand(), queued.id(), 0, Optional.empty()), Duration.ZERO);
        return true;
    }

    /** One page of a send, as the mailer (or a benchmark's worker) delivers it. */
    public Result page(SendPage message) {
        BrandId brand = message.brand();
        Optional<Send> found = sends.find(brand, message.send());
        if (found.isEmpty()) {
            return Result.NO_SUCH_SEND;
        }
        Send send = found.get();
        if (send.status() != SendStatus.SENDING || send.progress().pageDone(message.page())) {
            completeIfDone(send);
            return Result.SKIPPED;
        }
        List<Card> listed = List.of();
        PageListing listing = sends.page(brand, send.id(), message.page()).orElse(null);
        if (listing == null) {
            CardsPage read = brandCards.page(brand, message.cursor(), PAGE);
            listed = read.cards();
            listing = sends.list(brand, send.id(), message.page(),
                    new PageListing(read.cards().stream().map(Card::number).toList(), read.next()));
        }
        if (listing.next().isPresent()) {
            pages.send(new SendPage(brand, send.id(), message.page() + 1, listing.next()),
                    delay(message.page(), listing.cards().size(), send.rate()));
        }
        List<Card> pageCards = listed.stream().map(Card::number).toList().equals(listing.cards()) ? listed
                : reread(brand, listing.cards());
        PortalConfig config = portals.load(brand).orElseThrow(() -> new IllegalStateException("no portal: " + brand));
        Optional<SnapshotKey> segment = send.snapshot().flatMap(s -> SnapshotKey.parse(brand,
                new SegmentId(send.segment().orElseThrow()), s));
        Instant now = clock.instant();
        long queued = 0;
        if (send.channel() == SendChannel.SMS) {
            queued = queueTexts(send, config, pageCards, segment);
        }
        for (Card card : send.channel() == SendChannel.EMAIL ? pageCards : List.<Card>of()) {
            Optional<String> email = SendMails.email(card);
            if (email.isEmpty() || segment.filter(k -> !snapshots.holds(k, card.number())).isPresent()) {
                continue;
            }
            outbox.enqueue(mails.recipient(send, config, card, email.get(), now));
            queued++;
        }
        SendsPort.Recorded recorded = sends.recordPage(brand, send.id(), message.page(), queued,
                listing.cards().size() - queued, listing.next().isEmpty(), now);
        recorded.send().ifPresent(this::completeIfDone);
        return recorded.recorded() ? Result.SENT_PAGE : Result.SKIPPED;
    }

    /**
     * A page of a send on the SMS channel: each card in the segment (if any) whose text builds ({@link TemplateSms}: a
     * phone with its country, a text of 1-4 segments) gets {@code sms-send-<send>-<card>} on the SMS queue (the SMS
     * sender's claim, A23, sends it once whatever the duplicates); the others count as skipped, as every card of the
     * page when the template is gone.
     */
    private long queueTexts(Send send, PortalConfig config, List<Card> pageCards, Optional<SnapshotKey> segment) {
        SmsChannel channel = sms.orElseThrow(() -> new IllegalStateException(
                "send " + send.id() + " is on the SMS channel, and this graph has no SMS queue"));
        Optional<SendTexts.Texts> texts = channel.texts().of(send.brand(), send.template(), config);
        if (texts.isEmpty()) {
            return 0;
        }
        long queued = 0;
        for (Card card : pageCards) {
            if (segment.filter(k -> !snapshots.holds(k, card.number())).isPresent()) {
                continue;
            }
            if (texts.get().build(send.mailing(), send.list(), card) instanceof TemplateSms.Built.Message m) {
                channel.outbox().enqueue(m.sms());
                queued++;
            }
        }
        return queued;
    }

    /**
     * The next page's delay, in the whole seconds SQS counts: page k is due {@code ceil(k × page size / rate)} seconds
     * after the first, so the delays average exactly the page's messages at the rate and the pages never run ahead of
     * it (rounding each delay up on its own held any rate above 100 a second to 100, and 14 to 12.5). Within SQS's 15
     * minutes.
     */
    static Duration delay(int page, int messages, int perSecond) {
        long due = Math.floorDiv(-(long) page * messages, perSecond);
        long next = Math.floorDiv(-((long) page + 1) * messages, perSecond);
        return Duration.ofSeconds(Math.min(due - next, SendPagesQueuePort.MAX_DELAY.toSeconds()));
    }

    /** The listed cards again, when another delivery listed the page (one read each; a card gone is left out). */
    private List<Card> reread(BrandId brand, List<CardNumber> numbers) {
        List<Card> found = new ArrayList<>(numbers.size());
        for (CardNumber n : numbers) {
            cards.load(brand, n).ifPresent(found::add);
        }
        return found;
    }

    private void completeIfDone(Send send) {
        if (send.status() == SendStatus.SENDING && send.progress().allPagesDone()) {
            sends.finish(send.brand(), send.id(), SendStatus.SENT, Optional.empty(), clock.instant());
        }
    }
}
