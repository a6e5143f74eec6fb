package org.tongxin.privacy;

/** What was done with the personal data an audit record is about. */
public enum AuditAction {
    READ, WRITE, ERASE, PURGE
}
