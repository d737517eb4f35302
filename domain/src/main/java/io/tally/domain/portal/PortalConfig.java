package io.tally.domain.portal;

import io.tally.domain.program.CardSetId;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.MerchantContext;
import io.tally.domain.tenant.TerminalId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a brand's hosted member pages look and behave. The portal acts on the brand's behalf as one merchant:
 * {@code applicationId} (an API key id) and {@code merchantId} (a location) are stamped on every ledger entry
 * it writes, and the pages carry them so that a page of one configuration cannot post into another.
 *
 * @param fromAddress  the sender of the brand's e-mails (verified with the mail provider)
 * @param demographics the brand's own fields of its customer model (checked by {@link CustomerModel})
 */
public record PortalConfig(BrandId brand, String displayName, Optional<String> logoUrl, Theme theme,
                           String applicationId, String merchantId, String terminalId, CardSetId enrollmentCardSet,
                           List<CustomerField.Spec> customerModel, Optional<ReferralRewards> referral,
                           List<SubscriptionList> subscriptionLists, boolean welcomeEmail, String fromAddress,
                           List<DemographicField> demographics) {
    /** E-mail lists a brand may keep, archived ones included (each recipient's choices are one item per list). */
    public static final int MAX_LISTS = 50;

    public PortalConfig {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(logoUrl, "logoUrl");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(enrollmentCardSet, "enrollmentCardSet");
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(fromAddress, "fromAddress");
        customerModel = List.copyOf(customerModel);
        subscriptionLists = List.copyOf(subscriptionLists);
        demographics = List.copyOf(demographics);
        DemographicField.checkModel(demographics);
        logoUrl = logoUrl.filter(u -> !u.isBlank());
        if (logoUrl.isPresent() && !logoUrl.get().startsWith("https://") && !logoUrl.get().startsWith("/")) {
            throw new IllegalArgumentException("logoUrl must be https:// or a path on the portal's own origin");
        }
        if (customerModel.stream().noneMatch(s -> s.field() == CustomerField.EMAIL && s.required())) {
            throw new IllegalArgumentException("the customer model must require email");
        }
        Set<CustomerField> seen = new HashSet<>();
        customerModel.forEach(s -> {
            if (!seen.add(s.field())) {
                throw new IllegalArgumentException("customer field listed twice: " + s.field().formName());
            }
        });
        if (subscriptionLists.stream().filter(SubscriptionList::transactional).count() != 1) {
            throw new IllegalArgumentException("exactly one subscription list is the transactional one");
        }
        if (subscriptionLists.stream().map(SubscriptionList::id).distinct().count() != subscriptionLists.size()) {
            throw new IllegalArgumentException("subscription list ids must be unique");
        }
        if (subscriptionLists.size() > MAX_LISTS) {
            throw new IllegalArgumentException("at most " + MAX_LISTS + " e-mail lists, archived ones included");
        }
        List<SubscriptionList> lists = subscriptionLists;
        referral.ifPresent(r -> {
            if (lists.stream().filter(l -> l.id().equals(r.invitationList())).findFirst()
                    .map(l -> l.transactional() || l.archived()).orElse(true)) {
                throw new IllegalArgumentException("invitations belong to a configured, non-transactional list in use");
            }
        });
        if (!fromAddress.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("fromAddress is not an e-mail address");
        }
    }

    /** A configuration without brand fields in its customer model. */
    public PortalConfig(BrandId brand, String displayName, Optional<String> logoUrl, Theme theme, String applicationId,
                        String merchantId, String terminalId, CardSetId enrollmentCardSet,
                        List<CustomerField.Spec> customerModel, Optional<ReferralRewards> referral,
                        List<SubscriptionList> subscriptionLists, boolean welcomeEmail, String fromAddress) {
        this(brand, displayName, logoUrl, theme, applicationId, merchantId, terminalId, enrollmentCardSet, customerModel,
                referral, subscriptionLists, welcomeEmail, fromAddress, List.of());
    }

    /** This configuration with another customer model (fixed fields and brand fields). */
    public PortalConfig withCustomerModel(List<CustomerField.Spec> fixed, List<DemographicField> brandFields) {
        return new PortalConfig(brand, displayName, logoUrl, theme, applicationId, merchantId, terminalId,
                enrollmentCardSet, fixed, referral, subscriptionLists, welcomeEmail, fromAddress, brandFields);
    }

    /** This configuration with other settings (theme, subscription lists, referral rewards, welcome e-mail). */
    public PortalConfig withSettings(String newDisplayName, Theme newTheme, List<SubscriptionList> lists,
                                     Optional<ReferralRewards> rewards, boolean welcome) {
        return new PortalConfig(brand, newDisplayName, logoUrl, newTheme, applicationId, merchantId, terminalId,
                enrollmentCardSet, customerModel, rewards, lists, welcome, fromAddress, demographics);
    }

    /** The list with this id, if the brand has it. */
    public Optional<SubscriptionList> list(String id) {
        return subscriptionLists.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** The lists in use (not archived): what the preferences page shows and what sends may use. */
    public List<SubscriptionList> activeLists() {
        return subscriptionLists.stream().filter(l -> !l.archived()).toList();
    }

    /** This configuration with other e-mail lists (the back office's Lists page). */
    public PortalConfig withLists(List<SubscriptionList> lists) {
        return new PortalConfig(brand, displayName, logoUrl, theme, applicationId, merchantId, terminalId,
                enrollmentCardSet, customerModel, referral, lists, welcomeEmail, fromAddress, demographics);
    }

    public SubscriptionList transactionalList() {
        return subscriptionLists.stream().filter(SubscriptionList::transactional).findFirst().orElseThrow();
    }

    /** The merchant context the portal's ledger writes carry. */
    public MerchantContext merchantContext() {
        return new MerchantContext(brand, new LocationId(merchantId), new TerminalId(terminalId), Optional.empty(),
                applicationId);
    }

    /** Whether a page posted the ids this configuration expects. */
    public boolean carriedBy(String postedApplicationId, String postedMerchantId) {
        return applicationId.equals(postedApplicationId) && merchantId.equals(postedMerchantId);
    }
}
