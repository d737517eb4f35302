package io.tally.dynamo.store;

import io.tally.domain.engagement.score.CustomerScore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Cards per score 0-100 as items keep them: a map of the scores with cards (score as text → cards). */
final class ScoreCounts {
    private ScoreCounts() {
    }

    static Map<String, Long> nonZero(List<Long> perScore) {
        Map<String, Long> counts = new TreeMap<>();
        for (int s = 0; s < perScore.size(); s++) {
            if (perScore.get(s) != 0) {
                counts.put(Integer.toString(s), perScore.get(s));
            }
        }
        return counts;
    }

    static List<Long> perScore(Map<String, Long> stored) {
        List<Long> counts = new ArrayList<>(Collections.nCopies(CustomerScore.MAX + 1, 0L));
        stored.forEach((score, n) -> counts.set(Integer.parseInt(score), n));
        return counts;
    }
}
