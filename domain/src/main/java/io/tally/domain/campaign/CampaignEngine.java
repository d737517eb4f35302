package io.tally.domain.campaign;

/** Evaluates a brand's campaigns against one checkout. Pure. SKELETON: the engine's work implements it. */
public final class CampaignEngine {
    private CampaignEngine() {
    }

    public static Evaluation evaluate(CheckoutConfig config, Situation situation) {
        throw new UnsupportedOperationException("campaign engine not implemented yet");
    }
}
