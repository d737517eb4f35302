package io.tally.domain.contract;

import io.tally.domain.portal.CustomerField;
import io.tally.domain.portal.DemographicField;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.ReferralRewards;
import io.tally.domain.portal.SubscriptionList;
import io.tally.domain.portal.Theme;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import java.util.List;
import java.util.Optional;

/** A portal configuration using every field. */
public final class PortalTestData {
    private PortalTestData() {
    }

    public static PortalConfig config(BrandId brand) {
        return config(brand, new CardSetId("set-1"), ValueTypeKey.points());
    }

    public static PortalConfig config(BrandId brand, CardSetId set, ValueTypeKey rewardType) {
        return new PortalConfig(brand, "Acme Coffee", Optional.of("https://example.com/logo.png"),
                new Theme("#7a2e0e", "#ffffff", "#fffaf5", "#222222"), "portal-app", "store-1", "portal", set,
                List.of(new CustomerField.Spec(CustomerField.FIRST_NAME, true), new CustomerField.Spec(CustomerField.EMAIL, true),
                        new CustomerField.Spec(CustomerField.PHONE, false)),
                Optional.of(new ReferralRewards(rewardType, 100, 50, "invitations")),
                List.of(new SubscriptionList("account", "Account messages", true, true),
                        new SubscriptionList("news", "News and offers", false, false),
                        new SubscriptionList("invitations", "Invitations from friends", false, true)),
                true, "hello@example.com", BRAND_FIELDS);
    }

    /** One optional brand field of every type (optional, so enrollment tests need not fill them in). */
    public static final List<DemographicField> BRAND_FIELDS = List.of(
            new DemographicField("store", "Favourite store", DemographicField.Type.CHOICE, false, List.of("Downtown", "Airport")),
            new DemographicField("cups", "Cups a day", DemographicField.Type.NUMBER, false, List.of()),
            new DemographicField("anniversary", "Anniversary", DemographicField.Type.DATE, false, List.of()),
            new DemographicField("oatMilk", "Oat milk", DemographicField.Type.BOOLEAN, false, List.of()),
            new DemographicField("nickname", "Nickname", DemographicField.Type.TEXT, false, List.of()));
}
