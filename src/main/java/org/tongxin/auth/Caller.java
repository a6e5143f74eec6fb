package org.tongxin.auth;

import java.util.List;
import java.util.UUID;

/**
 * The authenticated person behind a request, as their access token describes them. Roles and
 * scopes are as of the token's issue: a change takes effect at the next refresh at the latest.
 */
public record Caller(UUID userId, String sessionId, List<Grant> grants) {}
