package io.tally.domain.provisioning;

import java.util.List;
import java.util.function.Supplier;

/**
 * Collects a seed's problems, each with where it is, so that every one is reported at once (a bad seed writes
 * nothing): building a part either gives it or records why not.
 */
final class SeedProblems {
    private final List<String> problems;

    SeedProblems(List<String> problems) {
        this.problems = problems;
    }

    /** What {@code make} builds, or null after recording its problem under {@code where}. */
    <T> T attempt(String where, Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(where + ": " + e.getMessage());
            return null;
        }
    }

    /** Adds what {@code make} builds to {@code into}, or records its problem. */
    <T> void add(List<T> into, String where, Supplier<T> make) {
        T t = attempt(where, make);
        if (t != null) {
            into.add(t);
        }
    }

    void requireUnique(String where, String what, List<String> ids) {
        ids.stream().filter(id -> ids.indexOf(id) != ids.lastIndexOf(id)).distinct()
                .forEach(id -> problems.add(where + ": duplicate " + what + " " + id));
    }

    int count() {
        return problems.size();
    }

    void add(String problem) {
        problems.add(problem);
    }

    static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }
}
