package io.tally.dynamo.store;

import io.tally.domain.shared.GeoPoint;

/** Coordinates as one string attribute, {@code "<latitude>,<longitude>"} (Java's shortest exact decimal for each). */
final class GeoText {
    private GeoText() {
    }

    static String format(GeoPoint p) {
        return p.latitude() + "," + p.longitude();
    }

    static GeoPoint parse(String text) {
        int comma = text.indexOf(',');
        return new GeoPoint(Double.parseDouble(text.substring(0, comma)), Double.parseDouble(text.substring(comma + 1)));
    }
}
