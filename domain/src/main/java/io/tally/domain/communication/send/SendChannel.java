package io.tally.domain.communication.send;

/** How a send reaches its recipients. E-mail only for now; the field is kept so other channels join without a migration. */
public enum SendChannel {
    EMAIL
}
