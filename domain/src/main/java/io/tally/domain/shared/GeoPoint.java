package io.tally.domain.shared;

import java.util.Optional;

/**
 * A point on the earth in decimal degrees (WGS 84), as a location's or an address's coordinates. Coordinates are
 * given by the brand (seed, back office, merchant API): the platform geocodes nothing.
 */
public record GeoPoint(double latitude, double longitude) {
    /** The mean earth radius in kilometres (IUGG), the one the haversine distance below uses. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("latitude -90..90 and longitude -180..180: " + latitude + ", " + longitude);
        }
    }

    /**
     * Coordinates as a brand gives them (a form's or a seed's text, the API's numbers as text): both blank or absent is
     * "none", otherwise both must be decimal numbers in range. The rejection names {@code what} ("Coordinates",
     * "primaryCustomer") and says what is wrong, e.g. "Latitude is a number from -90 to 90."
     */
    public static Outcome<Optional<GeoPoint>> parse(String what, String latitude, String longitude) {
        boolean noLatitude = latitude == null || latitude.isBlank();
        boolean noLongitude = longitude == null || longitude.isBlank();
        if (noLatitude && noLongitude) {
            return Outcome.accepted(Optional.empty());
        }
        if (noLatitude || noLongitude) {
            return Outcome.rejected(Reason.INVALID_REQUEST, what + ": give both latitude and longitude, or neither.");
        }
        Optional<Double> lat = number(latitude);
        if (lat.isEmpty() || !(lat.get() >= -90 && lat.get() <= 90)) {
            return Outcome.rejected(Reason.INVALID_REQUEST, what + ": latitude is a number from -90 to 90 (decimal degrees).");
        }
        Optional<Double> lon = number(longitude);
        if (lon.isEmpty() || !(lon.get() >= -180 && lon.get() <= 180)) {
            return Outcome.rejected(Reason.INVALID_REQUEST, what + ": longitude is a number from -180 to 180 (decimal degrees).");
        }
        return Outcome.accepted(Optional.of(new GeoPoint(lat.get(), lon.get())));
    }

    /** A plain decimal ({@code -33.8688}, {@code 151}): no exponent, hex, NaN or Infinity, at most 32 characters. */
    private static Optional<Double> number(String text) {
        String t = text.strip();
        if (t.length() > 32 || !t.matches("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)")) {
            return Optional.empty();
        }
        return Optional.of(Double.parseDouble(t));
    }

    /** The great-circle distance to {@code other} in kilometres (haversine on a sphere: within 0.5% of the ellipsoid). */
    public double distanceKm(GeoPoint other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(other.latitude)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
