package io.tally.bench;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.segment.Bounds;
import io.tally.domain.segment.BrandCardsPort;
import io.tally.domain.segment.FilterGroup;
import io.tally.domain.segment.MemberFacts;
import io.tally.domain.segment.MemberFactsPort;
import io.tally.domain.segment.MemberStatistics;
import io.tally.domain.segment.MonthDayWindow;
import io.tally.domain.segment.SegmentFilter;
import io.tally.domain.shared.GeoPoint;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A brand's handed-out cards {@code [0, n)} and their member facts computed on the fly (nothing stored: every value
 * of card {@code i} is a hash of {@code i}), so a segment evaluation over a million cards measures the evaluation job
 * and its snapshot store rather than dynalite's single-threaded reads of a million stored cards. Pages like A88: in
 * card number order, at most {@code limit}, after a cursor. {@link #member} decides the {@link #FILTERS} from the raw
 * generated values, apart from the filter classes, so it is an independent count to check a run against.
 */
final class GeneratedMembers implements BrandCardsPort, MemberFactsPort {
    /** The owning location's coordinates (a customer is {@value #NEAR_DEGREES} or {@value #FAR_DEGREES} deg north). */
    static final GeoPoint STORE = new GeoPoint(40.7128, -74.0060);
    private static final double NEAR_DEGREES = 0.02; // ~2.2 km
    private static final double FAR_DEGREES = 0.2; // ~22 km
    private static final LocalDate OLDEST_BIRTH = LocalDate.of(1960, 1, 1);
    private static final Instant ENROLLED = Instant.parse("2025-06-01T00:00:00Z");
    private static final long SPEND_MIN = 5_000;
    private static final long SPEND_MAX = 500_000;
    private static final int SCORE_MIN = 40;

    /**
     * Five filters ANDed: enrolled; customer score 40-100; spend 50.00-5,000.00; a birthday from 1 March to 31 August;
     * within 5 km of the owning location. About 0.6 x 0.6 x 0.5 x 0.5 x 0.5 = 4.5% of the cards.
     */
    static final FilterGroup FILTERS = FilterGroup.all(new SegmentFilter.EnrollmentStatus(true),
            new SegmentFilter.CustomerScore(Bounds.between(SCORE_MIN, 100)),
            new SegmentFilter.PurchaseActivity(SegmentFilter.Measure.SPEND, Bounds.between(SPEND_MIN, SPEND_MAX)),
            new SegmentFilter.CustomerOccasion(SegmentFilter.Occasion.BIRTHDAY,
                    MonthDayWindow.between(MonthDay.of(3, 1), MonthDay.of(8, 31))),
            new SegmentFilter.OwningLocationProximity(Bounds.between(0, 5_000)));

    private final long first;
    private final long n;

    /** Cards {@code first .. first + n - 1} of {@link Generated#number}'s numbering. */
    GeneratedMembers(long first, long n) {
        this.first = first;
        this.n = n;
    }

    @Override
    public CardsPage page(BrandId brand, Optional<String> cursor, int limit) {
        long from = cursor.map(Long::parseLong).orElse(0L);
        long to = Math.min(n, from + limit);
        List<Card> cards = new ArrayList<>((int) Math.max(0, to - from));
        for (long i = from; i < to; i++) {
            cards.add(card(first + i));
        }
        return new CardsPage(cards, to < n ? Optional.of(Long.toString(to)) : Optional.empty());
    }

    @Override
    public List<MemberFacts> facts(List<Card> cards) {
        List<MemberFacts> facts = new ArrayList<>(cards.size());
        for (Card c : cards) {
            long i = index(c.number());
            MemberStatistics stats = new MemberStatistics(spend(i), 1, 1, 1, Optional.empty(), Set.of(), Map.of(),
                    Map.of(), Map.of());
            facts.add(new MemberFacts(c, Map.of(), Optional.of(score(i)), stats, List.of(), 0,
                    c.primaryCustomer().map(Customer::addressPoint), Optional.of(STORE)));
        }
        return facts;
    }

    /** Card {@code index}: handed out, enrolled or not, with a birthday and an address near or far from the store. */
    static Card card(long index) {
        Customer customer = new Customer("Card", "Holder" + index, Generated.email(index), null, null, null, null, null,
                null, null, OLDEST_BIRTH.plusDays(mix(index, 4) % (365 * 40)), null,
                new GeoPoint(STORE.latitude() + (near(index) ? NEAR_DEGREES : FAR_DEGREES), STORE.longitude()));
        return Generated.card(index).withProfile(Optional.empty(), Optional.of(customer), Optional.empty(), Map.of(),
                        Map.of(), Map.of(), enrolled(index) ? Optional.of(ENROLLED) : Optional.empty())
                .withOwningLocation(Optional.of(new LocationId(BenchWorld.LOCATION)));
    }

    /** Whether card {@code index} is in the segment of {@link #FILTERS}, from the raw values (not the filters). */
    static boolean member(long index) {
        int month = OLDEST_BIRTH.plusDays(mix(index, 4) % (365 * 40)).getMonthValue();
        long spend = spend(index);
        return enrolled(index) && score(index) >= SCORE_MIN && spend >= SPEND_MIN && spend <= SPEND_MAX
                && month >= 3 && month <= 8 && near(index);
    }

    /** How many of cards {@code first .. first + n - 1} are members, by {@link #member}. */
    long expectedMembers() {
        long count = 0;
        for (long i = first; i < first + n; i++) {
            count += member(i) ? 1 : 0;
        }
        return count;
    }

    /** The index {@link Generated#number} encoded: the 13 digits after the prefix {@code 71}. */
    static long index(CardNumber number) {
        return Long.parseLong(number.value().substring(2, 15));
    }

    private static boolean enrolled(long i) {
        return mix(i, 1) % 10 < 6;
    }

    private static int score(long i) {
        return (int) (mix(i, 2) % 101);
    }

    private static long spend(long i) {
        return mix(i, 3) % 1_000_000;
    }

    private static boolean near(long i) {
        return mix(i, 5) % 2 == 0;
    }

    /** SplitMix64 of the index and a salt, made non-negative. */
    private static long mix(long index, long salt) {
        long z = index * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) >>> 1;
    }
}
