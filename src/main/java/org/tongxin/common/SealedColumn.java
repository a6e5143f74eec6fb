package org.tongxin.common;

/**
 * Every place a value sealed by {@link PiiCipher} is kept: the one registry of sealed columns.
 * Sealing and opening name the place, and the place (table, column and row id) is bound into the
 * value as AES-GCM associated data, so a value copied into another row or column does not open.
 * The key rotation ({@link PiiRotation}) walks every column listed here; {@code SealedColumnsTest}
 * fails when the schema has a sealed ({@code *_enc bytea}) column this registry lacks, and when
 * docs/operations.md's rotation runbook does not list exactly these columns.
 *
 * <p>{@code field} is the name a view gives the value, reported when it cannot be opened.
 */
public enum SealedColumn {
    USER_OPENID("app_user", "openid_enc", "openid"),
    USER_UNIONID("app_user", "unionid_enc", "unionid"),
    USER_PHONE("app_user", "phone_enc", "phone"),
    VOLUNTEER_NAME("volunteer", "name_enc", "name"),
    VOLUNTEER_AVAILABILITY("volunteer", "availability_enc", "availability"),
    VOLUNTEER_NOTE("volunteer", "note_enc", "note"),
    VULNERABLE_NAME("vulnerable_person", "name_enc", "name"),
    VULNERABLE_NOTE("vulnerable_person", "note_enc", "note"),
    CARE_DESCRIPTION("care_request", "description_enc", "description"),
    CARE_COMPLETION_NOTE("care_request", "completion_note_enc", "completionNote"),
    ROBOT_WEBHOOK_KEY("group_chat", "webhook_key_enc", "webhookKey"),
    MEMBER_NAME("household_member", "name_enc", "name"),
    MEMBER_TESTING_CODE("household_member", "testing_code_enc", "testingCode"),
    /**
     * A rotated refresh token kept for the few seconds of a session's grace period, in Redis under
     * the token it replaced (the row id is derived from that token's hash): never re-sealed, it
     * expires long before a rotation ends.
     */
    SESSION_GRACE_TOKEN(null, null, "refreshToken");

    /** How views describe their list of fields that could not be opened. */
    public static final String UNAVAILABLE = "Sealed fields of this row that could not be opened (their key was "
            + "removed before they were re-sealed, or the stored value was tampered with); those fields are null. "
            + "Empty normally.";

    /** Every sealed column of the database is keyed by this column, a UUID. */
    public static final String ID_COLUMN = "id";

    private final String table;
    private final String column;
    private final String field;

    SealedColumn(String table, String column, String field) {
        this.table = table;
        this.column = column;
        this.field = field;
    }

    /** The table, or null for a value not kept in the database. */
    public String table() { return table; }
    public String column() { return column; }
    public String field() { return field; }

    /** Whether the value lives in a database column that a key rotation must re-seal. */
    public boolean inDatabase() { return table != null; }

    /** What the value is bound to, besides the row id. */
    String place() {
        return inDatabase() ? table + "." + column : "redis." + name().toLowerCase();
    }
}
