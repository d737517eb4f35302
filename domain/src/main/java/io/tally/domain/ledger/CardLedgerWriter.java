package io.tally.domain.ledger;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.CardStatus;
import io.tally.domain.card.Pins;
import io.tally.domain.event.PublishEventPort;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.RetryPolicy;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one way entries get written. Reads the card and its head, lets a {@link Decision} say what the next
 * entry is, appends it with one conditional write and, when another writer got there first, starts over
 * from the new head (bounded, with backoff; then CONTENDED). Then hands the entry's event to the {@link EventRelay}.
 *
 * <p>Idempotency: the card's state remembers the last customRequestIds with the entries they produced. A repeat finds
 * its entry there and answers with it instead of applying twice; a retry that took over a lapsed request
 * ({@link Target#resumeSince}) also looks through the card's history since the first attempt began, in case more
 * requests than the state remembers came in between. (Claims per brand, across cards and beyond a card's memory,
 * are the {@link IdempotencyPort}'s, kept by the caller that honours the id: the merchant API.) Whatever
 * happens after the append (publishing, recording the result) cannot fail the call: the entry is in the ledger's
 * outbox until its event is out, so a crash after the write loses nothing and the client's retry changes nothing.
 */
public final class CardLedgerWriter {
    private final CardPort cards;
    private final CardLedgerPort ledger;
    private final EventRelay relay;
    private final Clock clock;
    /** Candidates tried for a card's ledger id; with 10^10 ids per brand a second try is already rare. */
    static final int LEDGER_ID_ATTEMPTS = 16;
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");
    private final RandomSource random;
    private final RetryPolicy retry;

    public CardLedgerWriter(CardPort cards, CardLedgerPort ledger, PublishEventPort events, Clock clock,
                            RandomSource random, RetryPolicy retry) {
        this.cards = cards;
        this.ledger = ledger;
        this.relay = new EventRelay(ledger, events);
        this.clock = clock;
        this.random = random;
        this.retry = retry;
    }

    /**
     * Which card, on whose behalf, whether the caller must prove the PIN or the card must be active, and, for a retry
     * that took a lapsed request over, since when its first attempt may have written ({@link RequestInfo#resumeSince}).
     */
    public record Target(BrandId brand, CardNumber card, Origin origin, Optional<String> pin, boolean activeOnly,
                         Optional<Instant> resumeSince) {
        public Target {
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(pin, "pin");
            Objects.requireNonNull(resumeSince, "resumeSince");
        }

        public Target(BrandId brand, CardNumber card, Origin origin, Optional<String> pin, boolean activeOnly) {
            this(brand, card, origin, pin, activeOnly, Optional.empty());
        }
    }

    /** What the next entry should do; no changes is allowed (ENROLL, an overdraw that found nothing). */
    public record Draft(EntryType type, List<Change> changes, Optional<Reference> related, long amountDue,
                        Optional<CheckoutFacts> checkout) {
        public Draft {
            Objects.requireNonNull(type, "type");
            changes = List.copyOf(changes);
            Objects.requireNonNull(related, "related");
            Objects.requireNonNull(checkout, "checkout");
        }

        public Draft(EntryType type, List<Change> changes, Optional<Reference> related, long amountDue) {
            this(type, changes, related, amountDue, Optional.empty());
        }

        public static Draft of(EntryType type, List<Change> changes) {
            return new Draft(type, changes, Optional.empty(), 0);
        }
    }

    /**
     * Decides the next entry from the card and its current state; empty means "nothing to write". Pure, except that a
     * checkout's decision reserves the coupons its entry will use, naming the entry's sequence
     * ({@code state.sequence() + 1}); if another writer takes that sequence first, the next decision reserves them again
     * for the next one.
     */
    @FunctionalInterface
    public interface Decision {
        Outcome<Optional<Draft>> decide(Card card, CardState state, TransactionId transactionId, Instant now);
    }

    /**
     * The entry the decision wrote (or found, for a repeated request), the card's state as of that entry's time, and
     * every entry this call wrote: the RELEASE and EXPIRE entries that time had made due before the decision, the
     * decision's own, and any that its own instant settles right after it (kept value a capture no longer needs).
     */
    public record Written(Optional<LedgerEntry> entry, CardState state, boolean replayed, List<LedgerEntry> written) {
        public Written {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(state, "state");
            written = List.copyOf(written);
        }
    }

    public Outcome<Written> write(Target target, Decision decision) {
        Optional<CardLedgerPort.CardWithHead> read = ledger.cardWithHead(cards, target.brand(), target.card());
        Optional<Card> card = read.map(CardLedgerPort.CardWithHead::card);
        if (card.isEmpty()) {
            return Outcome.rejected(Reason.CARD_NOT_FOUND, "Could not find the specified card.");
        }
        boolean inactive = target.activeOnly() && card.get().status() != CardStatus.ACTIVE;
        if (inactive && target.origin().request().isEmpty()) {
            return notActive();
        }
        if (target.pin().isPresent() && !Pins.matches(card.get(), target.pin().get())) {
            return Outcome.rejected(Reason.INVALID_PIN, "Invalid card PIN.");
        }
        Optional<Origin.RequestKey> request = target.origin().request();
        boolean searched = false;
        List<LedgerEntry> written = new ArrayList<>();
        Optional<LedgerId> claimed = Optional.empty();
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            Optional<LedgerEntry> head = attempt == 1 ? read.get().head() : ledger.head(target.brand(), target.card());
            CardState state = head.map(LedgerEntry::stateAfter).orElse(CardState.EMPTY);
            if (request.isPresent()) {
                Optional<Outcome<Written>> repeat = repeat(target, request.get(), state, !searched, written);
                searched = true;
                if (repeat.isPresent()) {
                    return repeat.get();
                }
            }
            if (inactive) {
                return notActive(); // after the replay: a request that committed before the card was switched off keeps its answer
            }
            if (state.ledgerId().isEmpty() && claimed.isEmpty()) {
                claimed = Optional.of(claimLedgerId(target));
            }
            LedgerId ledgerId = state.ledgerId().orElseGet(claimed::get);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            if (head.isPresent() && head.get().time().isAfter(now)) {
                now = head.get().time(); // entry times never decrease along a card: history can be paged by time
            }
            Optional<LedgerEntry> settled = catchUp(target, ledgerId, head, now, written);
            if (settled == null) {
                pause(attempt);
                continue;
            }
            head = settled;
            state = head.map(LedgerEntry::stateAfter).orElse(CardState.EMPTY);
            TransactionId txn = TransactionIds.next(now, head.map(LedgerEntry::transactionId), ledgerId, state.sequence() + 1);
            Outcome<Optional<Draft>> decided = decision.decide(card.get(), state, txn, now);
            if (!decided.isAccepted()) {
                publish(written);
                return decided.map(d -> null);
            }
            if (decided.value().isEmpty()) {
                publish(written);
                return Outcome.accepted(new Written(Optional.empty(), state, false, written));
            }
            Draft draft = decided.value().get();
            Posting posting = new Posting(target.brand(), target.card(), state.sequence() + 1, txn, draft.type(), now,
                    target.origin(), draft.changes(), draft.related(), draft.amountDue(), draft.checkout());
            LedgerEntry entry = new LedgerEntry(posting, LedgerRules.apply(state, posting));
            if (ledger.append(entry, head) instanceof CardLedgerPort.AppendOutcome.Appended) {
                written.add(entry);
                settleAfterCommit(target, ledgerId, entry, now, written);
                return Outcome.accepted(finish(entry, false, written));
            }
            pause(attempt);
        }
        publish(written);
        return Outcome.rejected(Reason.CONTENDED, "the card is busy; retry with the same customRequestId");
    }

    /**
     * Appends the RELEASE and EXPIRE entries that time has made due between the head and {@code now}, each dated at
     * its own instant (Settlement). Returns the new head, or null when another writer appended first (the caller
     * starts over from the new head; whatever was appended here stands, since anyone would have written the same).
     */
    private Optional<LedgerEntry> catchUp(Target target, LedgerId ledgerId, Optional<LedgerEntry> head, Instant now,
                                          List<LedgerEntry> written) {
        if (head.isEmpty()) {
            return head;
        }
        Optional<LedgerEntry> current = head;
        for (Settlement.Step step : Settlement.due(head.get(), now)) {
            CardState state = current.get().stateAfter();
            TransactionId txn = TransactionIds.next(step.at(), Optional.of(current.get().transactionId()), ledgerId,
                    state.sequence() + 1);
            Posting posting = new Posting(target.brand(), target.card(), state.sequence() + 1, txn, step.type(), step.at(),
                    Origin.system(), step.changes(), step.related(), 0);
            LedgerEntry entry = new LedgerEntry(posting, LedgerRules.apply(state, posting));
            if (!(ledger.append(entry, current) instanceof CardLedgerPort.AppendOutcome.Appended)) {
                return null;
            }
            written.add(entry);
            current = Optional.of(entry);
        }
        return current;
    }

    /**
     * Writes what the entry's own instant settles right after it (kept value a capture or void no longer needs). After
     * the commit, so an attempt: if it fails, the next writer or the sweeper writes the same, dated the same.
     */
    private void settleAfterCommit(Target target, LedgerId ledgerId, LedgerEntry entry, Instant now, List<LedgerEntry> written) {
        try {
            catchUp(target, ledgerId, Optional.of(entry), now, written);
        } catch (RuntimeException afterCommit) {
            // the entry's due instant (Settlement.nextChange) is its own: the sweeper finds the card at once
        }
    }

    /**
     * A ledger id for a card that has none yet (its first entry): random candidates, claimed; the claim decides. A
     * writer that then loses the race for entry 1 leaves its claim unused, pointing at the same card: harmless.
     */
    private LedgerId claimLedgerId(Target target) {
        for (int attempt = 0; attempt < LEDGER_ID_ATTEMPTS; attempt++) {
            LedgerId candidate = LedgerId.random(random);
            if (ledger.claimLedgerId(target.brand(), candidate, target.card())) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free ledger id in " + LEDGER_ID_ATTEMPTS + " tries: is the random source broken?");
    }

    private void pause(int attempt) {
        if (attempt < retry.maxAttempts()) {
            retry.backoff().pause(attempt);
        }
    }

    private Optional<Outcome<Written>> repeat(Target target, Origin.RequestKey request, CardState state, boolean search,
                                              List<LedgerEntry> written) {
        Optional<RequestMark> mark = state.recentRequest(request.customRequestId());
        if (mark.isPresent()) {
            if (!mark.get().fingerprint().equals(request.fingerprint())) {
                return Optional.of(reused());
            }
            return Optional.of(Outcome.accepted(replay(target, mark.get().sequence(), written)));
        }
        if (!search || target.resumeSince().isEmpty()) {
            return Optional.empty();
        }
        return searchSince(target, request, target.resumeSince().get()).map(e -> e.posting().origin().request()
                .filter(r -> r.fingerprint().equals(request.fingerprint()))
                .<Outcome<Written>>map(r -> Outcome.accepted(finish(e, true, written)))
                .orElseGet(CardLedgerWriter::reused));
    }

    /** The entry the request wrote since {@code since}, beyond what the card's request ring remembers (pages of history). */
    private Optional<LedgerEntry> searchSince(Target target, Origin.RequestKey request, Instant since) {
        Optional<String> cursor = Optional.empty();
        do {
            HistoryPage page = ledger.history(target.brand(), target.card(), since, END_OF_TIME, CardLedgerPort.MAX_PAGE, cursor);
            for (LedgerEntry e : page.entries()) {
                if (e.posting().origin().request().filter(r -> r.customRequestId().equals(request.customRequestId())).isPresent()) {
                    return Optional.of(e);
                }
            }
            cursor = page.next();
        } while (cursor.isPresent());
        return Optional.empty();
    }

    /** The entry an earlier identical request wrote; its event is the outbox's business (relayed or still queued). */
    private Written replay(Target target, long sequence, List<LedgerEntry> written) {
        LedgerEntry entry = ledger.entry(target.brand(), target.card(), sequence)
                .orElseThrow(() -> new IllegalStateException("entry " + sequence + " named by a request mark is missing"));
        return finish(entry, true, written);
    }

    /**
     * After the commit nothing can fail the caller: the money moved. Publishing is the outbox's fast path, an attempt;
     * what fails is published by the outbox drain.
     */
    private Written finish(LedgerEntry entry, boolean replayed, List<LedgerEntry> written) {
        publish(written);
        return new Written(Optional.of(entry), Settlement.settled(entry, entry.time()),
                replayed, written);
    }

    private void publish(List<LedgerEntry> written) {
        relay.relay(written);
    }

    /**
     * An INACTIVE (or unallocated) card moves no money. The status is read with the head (A11b) before the decision;
     * a switch-off written after that read does not stop an append already decided (the window is one call's
     * read-to-append, milliseconds; the append is conditional on the head, not on the profile's version).
     */
    private static <T> Outcome<T> notActive() {
        return Outcome.rejected(Reason.CARD_NOT_ACTIVE, "Could not find the account that goes with the specified card.");
    }

    private static <T> Outcome<T> reused() {
        return Outcome.rejected(Reason.REQUEST_ID_REUSED, "this customRequestId was used for a different request");
    }
}
