package io.tally.domain.fakes;

import io.tally.domain.card.AllocateCardUseCase;
import io.tally.domain.card.CardPort;
import io.tally.domain.contract.PortalTestData;
import io.tally.domain.email.EmailOutboxPort;
import io.tally.domain.enrollment.EnrollUseCase;
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
import io.tally.domain.shared.SignedTokens;
import java.util.Optional;

/**
 * A {@link TestWorld} with the member portal's stores and its enrollment wired the way the portal wires it (cards
 * minted when the pool is empty), optionally through {@link WriteFaults} so a test can crash after any write.
 */
public final class MemberWorld {
    public final TestWorld world = new TestWorld();
    public final InMemoryMemberStores stores = new InMemoryMemberStores();
    public final RecordingMail mail = new RecordingMail();
    public final LinkTokens links = new LinkTokens(new SignedTokens(new byte[32]));
    public final PortalConfig config = PortalTestData.config(TestWorld.BRAND, TestWorld.SET, TestWorld.POINTS);
    public final RewardReferralUseCase reward;
    public final EnrollUseCase enroll;

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
        enroll = new EnrollUseCase(new AllocateCardUseCase(cards, world.programs, world.random, world.clock,
                AllocateCardUseCase.WhenPoolEmpty.MINT), new UpdateAccountUseCase(cards, writer, retry),
                wrap(faults, MemberDirectoryPort.class, stores), reward, wrap(faults, EmailOutboxPort.class, mail), links,
                events, world.clock);
    }

    private static <T> T wrap(Optional<WriteFaults> faults, Class<T> port, T target) {
        return faults.map(f -> f.wrap(port, target)).orElse(target);
    }
}
