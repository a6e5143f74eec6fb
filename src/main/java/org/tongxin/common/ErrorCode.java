package org.tongxin.common;

/**
 * A stable, machine-readable error: clients branch on {@link #name()}, people read the title.
 * Each feature declares its own enum of codes; {@link ProblemMapper} turns them into problem+json.
 */
public interface ErrorCode {

    /** The stable UPPER_SNAKE code, e.g. {@code SHIFT_FULL}. Enums get it for free. */
    String name();

    /** The HTTP status this error answers with. */
    int status();

    /** Title for the person holding the phone, in Simplified Chinese. */
    String zh();

    /** Title in English, for clients whose Accept-Language prefers it. */
    String en();
}
