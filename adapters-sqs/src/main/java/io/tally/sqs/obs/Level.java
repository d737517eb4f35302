package io.tally.sqs.obs;

import java.util.Locale;

/** Log levels, in increasing order; {@code TALLY_LOG_LEVEL} names the lowest one written (INFO by default). */
public enum Level {
    INFO, WARN, ERROR;

    static Level parse(String text) {
        return text == null || text.isBlank() ? INFO : Level.valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
