package org.tongxin.privacy;

import java.util.UUID;

/**
 * Whose personal data a feature is asked for or asked to erase: a person and the household they
 * belong to ({@code householdId} null when none), as their account has it when the request starts.
 */
public record DataSubject(UUID userId, UUID householdId) {

    public boolean inHousehold() {
        return householdId != null;
    }
}
