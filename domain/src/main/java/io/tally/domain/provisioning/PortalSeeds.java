package io.tally.domain.provisioning;

import io.tally.domain.portal.CustomerField;
import io.tally.domain.portal.DemographicField;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.ReferralRewards;
import io.tally.domain.portal.SubscriptionList;
import io.tally.domain.portal.Theme;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.provisioning.Seed.BrandSeed;
import io.tally.domain.provisioning.Seed.PortalSeed;
import io.tally.domain.shared.DecimalAmounts;
import io.tally.domain.tenant.BrandId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns the {@code portal} sections of a seed into portal configurations, reporting every problem at once. */
final class PortalSeeds {
    private PortalSeeds() {
    }

    static Map<BrandId, PortalConfig> configs(Seed seed, boolean portalsStorable) {
        Map<BrandId, PortalConfig> configs = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (BrandSeed b : seed.brands()) {
            if (b.portal() == null) {
                continue;
            }
            if (!portalsStorable) {
                problems.add("brand " + b.id() + ": this runtime cannot store portal configurations");
                continue;
            }
            try {
                configs.put(new BrandId(b.id()), config(b, b.portal()));
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add("brand " + b.id() + " portal: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSeedException(problems);
        }
        return configs;
    }

    private static PortalConfig config(BrandSeed b, PortalSeed p) {
        if (b.locations().stream().noneMatch(l -> l.id().equals(p.merchantId()))) {
            throw new IllegalArgumentException("merchantId " + p.merchantId() + " is not a location of the brand");
        }
        if (b.programs().stream().flatMap(pr -> pr.cardSets().stream()).noneMatch(c -> c.id().equals(p.enrollmentCardSet()))) {
            throw new IllegalArgumentException("enrollmentCardSet " + p.enrollmentCardSet() + " is not a card set of the brand");
        }
        Theme theme = p.theme() == null ? Theme.DEFAULT
                : new Theme(p.theme().primary(), p.theme().onPrimary(), p.theme().background(), p.theme().text());
        List<CustomerField.Spec> model = p.customerModel().stream()
                .map(f -> new CustomerField.Spec(CustomerField.byFormName(f.name()), Boolean.TRUE.equals(f.required()))).toList();
        List<SubscriptionList> lists = p.subscriptionLists().stream().map(l -> new SubscriptionList(l.id(), l.name(),
                Boolean.TRUE.equals(l.transactional()), Boolean.TRUE.equals(l.defaultOn()))).toList();
        Optional<ReferralRewards> referral = Optional.ofNullable(p.referral()).map(r -> {
            ValueTypeKey key = ValueTypeKey.parseText(r.valueType());
            int scale = scale(b, key);
            return new ReferralRewards(key, minor(r.senderReward(), scale), minor(r.friendReward(), scale), r.invitationList());
        });
        return new PortalConfig(new BrandId(b.id()), p.displayName() == null ? b.name() : p.displayName(),
                Optional.ofNullable(p.logoUrl()), theme, p.applicationId(), p.merchantId(),
                p.terminalId() == null ? "portal" : p.terminalId(), new CardSetId(p.enrollmentCardSet()), model, referral,
                lists, !Boolean.FALSE.equals(p.welcomeEmail()), p.fromAddress(), p.brandFields().stream()
                .map(f -> new DemographicField(f.name(), f.label() == null ? f.name() : f.label(),
                        DemographicField.Type.byWireName(f.type() == null ? "text" : f.type()),
                        Boolean.TRUE.equals(f.required()), f.choices())).toList());
    }

    private static int scale(BrandSeed b, ValueTypeKey key) {
        for (var program : b.programs()) {
            for (var vt : program.valueTypes()) {
                ValueTypeKey k = vt.balanceCode() == null ? ValueTypeKey.parseText(vt.balanceType())
                        : ValueTypeKey.parseText(vt.balanceType() + ":" + vt.balanceCode());
                if (k.equals(key)) {
                    return vt.scale() != null ? vt.scale() : key.defaultScale();
                }
            }
        }
        throw new IllegalArgumentException("referral value type " + key.asText() + " is not a value type of the brand");
    }

    private static long minor(String text, int scale) {
        return DecimalAmounts.toMinor(text, scale)
                .orElseThrow(() -> new IllegalArgumentException("not an amount with " + scale + " decimals: " + text));
    }
}
