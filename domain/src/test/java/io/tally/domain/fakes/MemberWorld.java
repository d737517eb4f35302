package io.tally.domain.fakes;

import io.tally.domain.card.AllocateCardUseCase;
import io.tally.domain.card.CardPort;
import io.tally.domain.contract.PortalTestData;
import io.tally.domain.email.EmailOutboxPort;
import io.tally.domain.enrollment.CompleteEnrollmentsUseCase;
import io.tally.domain.enrollment.EnrollUseCase;
import io.tally.domain.enrollment.EnrollmentSteps;
import io.tally.domain.event.PublishEventPort;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.CardLedgerWriter;
import io.tally.domain.ledger.IssueUseCase;
import io.tally.domain.ledger.UpdateAccountUseCase;
import io.tally.domain.member.LinkTokens;
import io.tally.domain.member.MemberDirectoryPort;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.referral.ReferralClaimPort;
import io.tally.domain.referral.RewardReferralUseCase;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.RetryPolicy;
import io.tally.domain.shared.Sealer;
import io.tally.domain.shared.SignedTokens;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link TestWorld} with the member portal's stores and its enrollment wired the way the portal wires it (cards
 * minted when the pool is empty), optionally through {@link WriteFaults} so a test can crash after any write.
 */
public final class MemberWorld {
    /** The tests' sealing secret (public, like every test secret). */
    public static final String SEAL_SECRET = "test-only-sealing-secret-32-chars-at-least";
    public final TestWorld world = new TestWorld();
    public final InMemoryMemberStores stores = new InMemoryMemberStores();
    public final RecordingMail mail = new RecordingMail();
    public final LinkTokens links = new LinkTokens(new SignedTokens(new byte[32]));
    public final PortalConfig config = PortalTestData.config(TestWorld.BRAND, TestWorld.SET, TestWorld.POINTS);
    public final Sealer sealer;
    public final RewardReferralUseCase reward;
    public final EnrollmentSteps steps;
    public final EnrollUseCase enroll;
    /** The periodic job's use case (finishes what nobody resubmits). */
    public final CompleteEnrollmentsUseCase completer;

    public MemberWorld() {
        this(Optional.empty());
    }

    public MemberWorld(Optional<WriteFaults> faults) {
        stores.save(config);
        CardPort cards = wrap(faults, CardPort.class, world.cards);
        CardLedgerPort ledger = wrap(faults, CardLedgerPort.class, world.ledger);
        PublishEventPort events = wrap(faults, PublishEventPort.class, world.events);
        RetryPolicy retry = RetryPolicy.of(8, Backoff.NONE);
        CardLedgerWriter writer = new CardLedgerWriter(cards, ledger, events, world.clock, world.random, retry);
        reward = new RewardReferralUseCase(cards, wrap(faults, ReferralClaimPort.class, stores),
                new IssueUseCase(writer, world.programs), events, world.clock);
        sealer = new Sealer(SEAL_SECRET, world.random);
        MemberDirectoryPort directory = wrap(faults, MemberDirectoryPort.class, stores);
        steps = new EnrollmentSteps(new AllocateCardUseCase(cards, world.programs, world.random, world.clock,
                AllocateCardUseCase.WhenPoolEmpty.MINT), new UpdateAccountUseCase(cards, writer, retry, stores), directory, reward,
                wrap(faults, EmailOutboxPort.class, mail), links, events, sealer, world.clock);
        enroll = new EnrollUseCase(steps, directory, links, world.random, world.clock);
        completer = new CompleteEnrollmentsUseCase(steps, directory, stores);
    }

    /** The enrollment form as the portal posts it, from the browser named {@code browser}. */
    public EnrollUseCase.Result join(Map<String, String> form, Optional<String> referralToken, String browser) {
        return enroll.enroll(new EnrollUseCase.EnrollCommand(config, "portal-app", "store-1", form, referralToken,
                "https://x/portal/ACME", "r1", browser));
    }

    private static <T> T wrap(Optional<WriteFaults> faults, Class<T> port, T target) {
        return faults.map(f -> f.wrap(port, target)).orElse(target);
    }
}
