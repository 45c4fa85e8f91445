package org.nuanxin.grid.internal;

/** Who sends a report: a signed-in worker (by mobile) or an Open311 client (by API key). */
public sealed interface Reporter {

    /** @param mobile the signed-in worker's mobile, E.164; personal data: never log it */
    record Worker(String mobile) implements Reporter {}

    /** @param apiKeyId the id of the API key the request carried */
    record ApiClient(long apiKeyId) implements Reporter {}
}
