package org.tongxin.privacy;

/**
 * What kind of personal data an audit record is about (docs/privacy.md). The subjects of a record
 * are the ids of the rows read: a user for a phone number, a register entry, a care request, a
 * household member (for names and testing codes), a volunteer; a sheet names what it covers instead.
 */
public enum AuditKind {
    /** A full phone number. */
    PHONE,
    /** Entries of the vulnerable-person register (names, notes). */
    REGISTER,
    /** A care request's description or completion note. */
    CARE_REQUEST,
    /** Household members' testing codes (the QR sheets). */
    TESTING_CODE,
    /** Household members' names (testing-round lists). */
    HOUSEHOLD_MEMBER,
    /** A volunteer's name, availability or note. */
    VOLUNTEER,
    /** A window's delivery sheet with rooms and notes (JSON, CSV or XLSX). */
    DELIVERY_SHEET,
    /** The audit itself exported as CSV. */
    AUDIT_EXPORT,
    /** A person's account: its erasure (action ERASE, the account as subject). */
    ACCOUNT,
    /** Who lives in a household or looks after it, with their phone and nickname (a stand-down's purge). */
    HOUSEHOLD_LINK,
    /** Notes residents wrote on their orders (a stand-down's purge). */
    ORDER_NOTE,
    /** Group chats' robot webhook keys (a stand-down's purge closes the chats). */
    WEBHOOK_KEY
}
