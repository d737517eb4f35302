package io.tally.local.http;

/**
 * How the local HTTP front presents itself. It always binds 127.0.0.1.
 *
 * @param port the port to listen on; 0 picks a free one
 * @param accountId {@code requestContext.accountId} in every event
 * @param apiId {@code requestContext.apiId} in every event
 * @param maxBodyBytes larger request bodies are refused with 413 (API Gateway's own limit is 10 MB)
 * @param threads requests served at once; more wait in the server's queue
 */
public record FrontSettings(int port, String accountId, String apiId, int maxBodyBytes, int threads) {
    public static final String DEFAULT_ACCOUNT_ID = "000000000000";
    public static final String DEFAULT_API_ID = "local";
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final int DEFAULT_THREADS = 8;

    public FrontSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (accountId == null || accountId.isBlank() || apiId == null || apiId.isBlank()) {
            throw new IllegalArgumentException("accountId and apiId are required");
        }
        if (maxBodyBytes < 0 || threads < 1 || threads > 256) {
            throw new IllegalArgumentException("maxBodyBytes >= 0 and 1 <= threads <= 256");
        }
    }

    public static FrontSettings onPort(int port) {
        return new FrontSettings(port, DEFAULT_ACCOUNT_ID, DEFAULT_API_ID, DEFAULT_MAX_BODY_BYTES, DEFAULT_THREADS);
    }

    public FrontSettings withApi(String accountId, String apiId) {
        return new FrontSettings(port, accountId, apiId, maxBodyBytes, threads);
    }

    public FrontSettings withMaxBodyBytes(int maxBodyBytes) {
        return new FrontSettings(port, accountId, apiId, maxBodyBytes, threads);
    }
}
