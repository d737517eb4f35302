package io.tally.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeoPointParseTest {
    @ParameterizedTest(name = "[{0}] [{1}] -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "40.7128   | -74.006  | 40.7128,-74.006",
            "-90       | 180      | -90.0,180.0",
            "90        | -180     | 90.0,-180.0",
            "+0.5      | .25      | 0.5,0.25",
            "' 1.5 '   | ' 2 '    | 1.5,2.0",
            "NULL      | NULL     | none",
            "''        | '  '     | none",
            "90.0001   | 0        | X: latitude is a number from -90 to 90 (decimal degrees).",
            "-91       | 0        | X: latitude is a number from -90 to 90 (decimal degrees).",
            "0         | 180.5    | X: longitude is a number from -180 to 180 (decimal degrees).",
            "0         | -181     | X: longitude is a number from -180 to 180 (decimal degrees).",
            "NaN       | 0        | X: latitude is a number from -90 to 90 (decimal degrees).",
            "1e1       | 0        | X: latitude is a number from -90 to 90 (decimal degrees).",
            "0x10      | 0        | X: latitude is a number from -90 to 90 (decimal degrees).",
            "0         | Infinity | X: longitude is a number from -180 to 180 (decimal degrees).",
            "north     | 0        | X: latitude is a number from -90 to 90 (decimal degrees).",
            "40.7      | NULL     | X: give both latitude and longitude, or neither.",
            "''        | -74      | X: give both latitude and longitude, or neither.",
    })
    void coordinates_as_given_are_both_or_neither_and_within_range(String latitude, String longitude, String expected) {
        Outcome<Optional<GeoPoint>> parsed = GeoPoint.parse("X", latitude, longitude);
        String actual = parsed instanceof Outcome.Rejected<Optional<GeoPoint>> r ? r.rejection().detail()
                : parsed.value().map(p -> p.latitude() + "," + p.longitude()).orElse("none");
        assertEquals(expected, actual);
    }
}
