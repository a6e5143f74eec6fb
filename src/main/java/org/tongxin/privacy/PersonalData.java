package org.tongxin.privacy;

/**
 * What a feature keeps about a person, for their copy (GET /api/me/data) and their erasure
 * (DELETE /api/me). Every feature above privacy that keeps personal data implements it, next to the
 * tables it describes; privacy calls them all and knows none of them (docs/privacy.md has the table
 * of what each keeps and what its erasure does). Both run in the request's transaction.
 */
public interface PersonalData {

    /**
     * Adds this feature's sections to the person's copy, sealed values opened for them. A person
     * reading their own data (and their household's) is not recorded in the audit.
     */
    void export(DataSubject who, PersonalCopy copy);

    /**
     * Erases or anonymises what this feature keeps about the person, after their roles were taken
     * away (each feature undid what a role allowed then) and before their account row is scrubbed.
     * Called once per person: the erasure holds the account's row lock, and an account erased
     * already is not erased again.
     */
    void erase(DataSubject who);
}
