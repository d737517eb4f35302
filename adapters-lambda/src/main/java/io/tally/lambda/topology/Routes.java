package io.tally.lambda.topology;

import java.util.List;
import java.util.Optional;

/** The route table of the HTTP API, used by the local HTTP front and by the CDK stack alike. */
public final class Routes {
    /** Where the merchant API serves its OpenAPI document. */
    public static final String OPENAPI_PATH = "/merchant/openapi.yaml";

    public static final List<Route> ALL = List.of(
            new Route("POST", "/merchant/{method}", FunctionId.MERCHANT_API),
            // the API's OpenAPI document (docs/openapi.yaml, copied into the merchant function's jar)
            new Route("GET", OPENAPI_PATH, FunctionId.MERCHANT_API),
            // CORS preflight: answered by the merchant handler itself, locally and on AWS
            new Route("OPTIONS", "/merchant/{method}", FunctionId.MERCHANT_API),
            // the back office: before the root methods, since `POST /{method}` would take `POST /admin` (first match wins)
            new Route("GET", "/admin", FunctionId.BACK_OFFICE),
            new Route("POST", "/admin", FunctionId.BACK_OFFICE),
            new Route("GET", "/admin/{proxy+}", FunctionId.BACK_OFFICE),
            new Route("POST", "/admin/{proxy+}", FunctionId.BACK_OFFICE),
            // the same methods at the host root, where Clutch served them and its public clients post (`POST /{method}`)
            new Route("POST", "/{method}", FunctionId.MERCHANT_API),
            new Route("OPTIONS", "/{method}", FunctionId.MERCHANT_API),
            // the member pages of each brand: pages, the shared stylesheet and the brand's colours
            new Route("GET", "/portal/{brand}", FunctionId.PORTAL),
            new Route("GET", "/portal/{brand}/{page}", FunctionId.PORTAL),
            new Route("POST", "/portal/{brand}/{page}", FunctionId.PORTAL),
            // the asset library's images, served to mail clients (public, cached for a year)
            new Route("GET", "/portal/{brand}/assets/{file}", FunctionId.PORTAL),
            // whatever no route above matches: a 404 in the merchant API's error envelope, not API Gateway's own body
            Route.fallback(FunctionId.MERCHANT_API));

    private Routes() {
    }

    /**
     * The route for a request, by exact method and path template, as API Gateway picks it: the {@code $default} route
     * only when no other route matches, wherever it stands in the list.
     */
    public static Optional<Route> find(String method, String path) {
        return ALL.stream().filter(r -> !r.isFallback() && r.method().equalsIgnoreCase(method) && r.matchesPath(path))
                .findFirst()
                .or(() -> ALL.stream().filter(Route::isFallback).findFirst());
    }
}
