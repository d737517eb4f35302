package io.tally.domain.provisioning;

import java.util.List;

/** The seed is wrong; nothing was written. Lists every problem found, not just the first. */
public final class InvalidSeedException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidSeedException(List<String> problems) {
        super("the seed is invalid, nothing was applied:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
