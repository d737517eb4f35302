package io.tally.sqs.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

/**
 * JSON text whose string (a value or a field name) holds an unpaired UTF-16 surrogate ({@link WellFormedText}): valid
 * JSON syntax, but not Unicode text, so {@link WireJson} refuses it rather than let a store change it. Its
 * {@link #getOriginalMessage()} says which string and where, for the caller's error message.
 */
public final class UnpairedSurrogateException extends JsonParseException {
    private static final long serialVersionUID = 1L;

    UnpairedSurrogateException(JsonParser parser, String message, Throwable cause) {
        super(parser, message, cause);
    }
}
