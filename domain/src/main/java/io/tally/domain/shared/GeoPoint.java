package io.tally.domain.shared;

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

    /** The great-circle distance to {@code other} in kilometres (haversine on a sphere: within 0.5% of the ellipsoid). */
    public double distanceKm(GeoPoint other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(other.latitude)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
