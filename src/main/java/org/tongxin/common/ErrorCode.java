package org.tongxin.common;

/**
 * A stable, machine-readable error: clients branch on {@link #name()}, people read the title.
 * Each feature declares its own enum of codes, each constant with its {@link Text};
 * {@link ProblemMapper} turns them into problem+json.
 */
public interface ErrorCode {

    /** The HTTP status and the titles for the person holding the phone. */
    record Text(int status, String zh, String en) {}

    /** The stable UPPER_SNAKE code, e.g. {@code SHIFT_FULL}. Enums get it for free. */
    String name();

    Text text();

    /** The HTTP status this error answers with. */
    default int status() {
        return text().status();
    }

    /** Title in Simplified Chinese, the default language. */
    default String zh() {
        return text().zh();
    }

    /** Title in English, for clients whose Accept-Language prefers it. */
    default String en() {
        return text().en();
    }
}
