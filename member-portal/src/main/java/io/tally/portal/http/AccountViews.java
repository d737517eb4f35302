package io.tally.portal.http;

import io.tally.domain.account.MemberAccountUseCase.CardDetail;
import io.tally.domain.account.ProfileEventsSource.ProfileEvent;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.ledger.Balance;
import io.tally.domain.ledger.EntryType;
import io.tally.domain.ledger.Hold;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.Movement;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.program.ValueTypeKey;
import io.tally.portal.http.View.CouponLine;
import io.tally.portal.http.View.EventLine;
import io.tally.portal.http.View.HistoryLine;
import io.tally.portal.http.View.HoldLine;
import io.tally.portal.http.View.Page;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One card's page as the member sees it: every amount in its value type's decimal form, times in UTC. */
final class AccountViews {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private final BalanceLines balances;

    AccountViews(BalanceLines balances) {
        this.balances = balances;
    }

    Map<ValueTypeKey, Integer> scales(PortalConfig config) {
        return balances.scales(config);
    }

    String card(Page page, PortalConfig config, CardDetail d) {
        Map<ValueTypeKey, Integer> scales = scales(config);
        Instant now = d.view().asOf();
        List<HoldLine> holds = new ArrayList<>();
        for (Balance b : d.view().state().balanceList()) {
            int scale = BalanceLines.scale(scales, b.key());
            for (Hold h : b.holds()) {
                holds.add(new HoldLine(BalanceLines.name(b.key()), BalanceLines.amount(h.remaining(), scale),
                        WHEN.format(h.expiresAt())));
            }
        }
        List<CouponLine> coupons = d.coupons().stream().map(c -> coupon(c, now)).toList();
        List<HistoryLine> history = d.history().entries().stream().map(e -> history(e, scales)).toList();
        List<EventLine> events = d.events().stream().map(AccountViews::event).toList();
        String next = d.history().next().map(c -> page.base() + "/card?n=" + d.view().card().number().value() + "&after=" + c)
                .orElse(null);
        return Pages.card(page, d.view().card().number().lastFour(), AccountPages.status(d.view().card().status()),
                BalanceLines.lines(scales, d.view()), holds, coupons, events, history, next);
    }

    static CouponLine coupon(Coupon c, Instant now) {
        String validity = c.validTo().map(t -> "Valid until " + DAY.format(t)).orElse("No end date")
                + c.validFrom().filter(f -> f.isAfter(now)).map(f -> ", from " + DAY.format(f)).orElse("");
        String state;
        if (c.used().isPresent()) {
            state = "Used on " + DAY.format(c.used().get().at());
        } else if (c.validTo().isPresent() && !now.isBefore(c.validTo().get())) {
            state = "Expired";
        } else if (c.validFrom().isPresent() && now.isBefore(c.validFrom().get())) {
            state = "Not valid yet";
        } else {
            state = "Ready to use";
        }
        return new CouponLine(c.code().value(), validity, state);
    }

    static HistoryLine history(LedgerEntry e, Map<ValueTypeKey, Integer> scales) {
        List<String> parts = new ArrayList<>();
        for (Movement m : e.movements()) {
            int scale = BalanceLines.scale(scales, m.key());
            String name = BalanceLines.name(m.key());
            if (m.balanceDelta() != 0) {
                parts.add((m.balanceDelta() > 0 ? "+" : "−") + BalanceLines.amount(Math.abs(m.balanceDelta()), scale) + " " + name);
            }
            if (m.heldDelta() != 0) {
                parts.add(BalanceLines.amount(Math.abs(m.heldDelta()), scale) + " " + name
                        + (m.heldDelta() > 0 ? " on hold" : " no longer on hold"));
            }
        }
        return new HistoryLine(WHEN.format(e.time()), label(e.type()), parts.isEmpty() ? "—" : String.join(", ", parts));
    }

    static String label(EntryType type) {
        return switch (type) {
            case ISSUE -> "Added";
            case REDEEM -> "Spent";
            case HOLD -> "Held";
            case RELEASE -> "Hold released";
            case ADJUST -> "Adjusted";
            case VOID -> "Cancelled";
            case EXPIRE -> "Expired";
            case ENROLL -> "Joined";
            case CHECKOUT -> "Purchase";
        };
    }

    static EventLine event(ProfileEvent e) {
        return new EventLine(DAY.format(e.at()), e.name(), e.description());
    }
}
