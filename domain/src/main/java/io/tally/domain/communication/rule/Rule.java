package io.tally.domain.communication.rule;

import io.tally.domain.shared.Identifiers;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A triggered communication (issue 15): when {@link #trigger} happens to a card, the template (its version current when
 * the rule fires) goes to the card's primary e-mail on {@link #list}, {@link #delay} later, once per trigger. A paused
 * rule ({@code active} false) fires nothing, nor sends what it fired before and is still waiting out its delay. Changed
 * only over the version read.
 */
public record Rule(BrandId brand, String id, String name, Trigger trigger, String template, String list,
                   Duration delay, boolean active, Instant updatedAt, String updatedBy, long version) {
    public static final int MAX_NAME = 80;
    /** The longest delay a rule may wait. */
    public static final Duration MAX_DELAY = Duration.ofDays(90);

    public Rule {
        Objects.requireNonNull(brand, "brand");
        Identifiers.require(id, "rule id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(trigger, "trigger");
        Identifiers.require(template, "template");
        Identifiers.require(list, "list");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
        if (name.isBlank() || name.length() > MAX_NAME || version < 1) {
            throw new IllegalArgumentException("not a rule: name 1-" + MAX_NAME + " characters, version at least 1");
        }
        if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0 || delay.toSecondsPart() != 0 || delay.getNano() != 0) {
            throw new IllegalArgumentException("a rule's delay is whole minutes, 0 to " + MAX_DELAY.toDays() + " days");
        }
    }

    /** The mailing a rule's messages name: {@code rule-<id>}. */
    public String mailing() {
        return "rule-" + id;
    }

    /** The message id of the one send per trigger: {@code rule-<rule>-<trigger id>} (claimed once by the sender, A23). */
    public String messageId(String triggerId) {
        return mailing() + "-" + triggerId;
    }

    public Rule paused(boolean pause, Instant now, String by) {
        return new Rule(brand, id, name, trigger, template, list, delay, !pause, now, by, version + 1);
    }
}
