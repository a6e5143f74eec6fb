package org.tongxin.wechat;

/**
 * What a message sent on someone's behalf came to (a group robot's post, a subscribe message).
 * {@code code}: the errcode, or the HTTP status, or 0; {@code reason}: our words for a failure,
 * never the remote text (which can carry hints, URLs or ids).
 */
public record SendOutcome(Kind kind, int code, String reason) {

    /**
     * SENT; RATE_LIMITED: try again after a minute; PERMANENT: will not change by retrying; TRANSIENT:
     * not done, try again later; UNKNOWN: it may have been delivered (no answer came), so never again.
     */
    public enum Kind { SENT, RATE_LIMITED, PERMANENT, TRANSIENT, UNKNOWN }

    public static SendOutcome sent() {
        return new SendOutcome(Kind.SENT, 0, null);
    }
}
