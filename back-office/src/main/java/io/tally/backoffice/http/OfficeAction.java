package io.tally.backoffice.http;

/** One page's handling of one request. Bad input answers a form with a message; exceptions are for faults only. */
@FunctionalInterface
public interface OfficeAction {
    OfficeResponse handle(OfficeCall call);
}
