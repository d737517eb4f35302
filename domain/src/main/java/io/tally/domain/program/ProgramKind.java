package io.tally.domain.program;

/** What a program is for; reports and the portal group balances by it. */
public enum ProgramKind {
    GIFT, LOYALTY, REWARD
}
