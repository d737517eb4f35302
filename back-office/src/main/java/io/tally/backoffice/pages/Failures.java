package io.tally.backoffice.pages;

import io.tally.domain.staff.StaffIdentityPort.Failure;

/** What each identity-service failure tells the staff member. */
final class Failures {
    private Failures() {
    }

    static String text(Failure why) {
        return switch (why) {
            case WRONG_CREDENTIALS -> "The e-mail or password is not right. Check both and try again.";
            case WEAK_PASSWORD -> "That password is too weak: use at least 12 characters, with upper and lower case "
                    + "letters, a digit and a symbol.";
            case WRONG_CODE -> "That code is not right. Enter the code your app shows now.";
            case EXPIRED -> "That took too long. Start again.";
            case TOO_MANY_ATTEMPTS -> "Too many attempts. Wait a few minutes and try again.";
        };
    }
}
