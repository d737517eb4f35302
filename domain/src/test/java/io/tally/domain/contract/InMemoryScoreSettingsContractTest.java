package io.tally.domain.contract;

import io.tally.domain.engagement.score.ScoreRunsPort;
import io.tally.domain.engagement.score.ScoreSettingsPort;
import io.tally.domain.fakes.InMemoryScoreRuns;
import io.tally.domain.fakes.InMemoryScoreSettings;

class InMemoryScoreSettingsContractTest extends ScoreSettingsContract {
    private final InMemoryScoreSettings settings = new InMemoryScoreSettings();
    private final InMemoryScoreRuns runs = new InMemoryScoreRuns();

    @Override
    protected ScoreSettingsPort settings() {
        return settings;
    }

    @Override
    protected ScoreRunsPort runs() {
        return runs;
    }
}
