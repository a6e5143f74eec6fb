package org.tongxin.notice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Delivery of notices. */
@ConfigMapping(prefix = "tongxin.notice")
public interface NoticeConfig {

    /** How often the relay looks for due deliveries; {@code off} stops it (TONGXIN_NOTICE_RELAY_EVERY). */
    @WithDefault("2s")
    String relayEvery();

    /** How often the backlog gauges are read from the database; {@code off} stops it (TONGXIN_NOTICE_GAUGES_EVERY). */
    @WithDefault("15s")
    String gaugesEvery();

    /** Deliveries one relay run takes at most (TONGXIN_NOTICE_RELAY_BATCH). */
    @WithDefault("100")
    int relayBatch();

    /** Targets (robots, people) one relay sends to at once, each target's deliveries in order (TONGXIN_NOTICE_RELAY_PARALLELISM). */
    @WithDefault("16")
    int relayParallelism();

    /** How long a relay holds a delivery it is sending; past it, the delivery's outcome counts as unknown (TONGXIN_NOTICE_LEASE). */
    @WithDefault("PT1M")
    Duration lease();

    /** Attempts before a delivery that keeps failing for passing reasons ends as FAILED (TONGXIN_NOTICE_MAX_ATTEMPTS). */
    @WithDefault("8")
    int maxAttempts();

    /** The subscribe message notices are sent as. */
    Subscribe subscribe();

    /** A subscribe-message template (订阅消息模板) set up in the mini-program's admin console. */
    interface Subscribe {

        /** Its template id; without one the SUBSCRIBE channel is refused (TONGXIN_NOTICE_SUBSCRIBE_TEMPLATE_ID). */
        java.util.Optional<String> templateId();

        /** The {@code thing} field that gets the title, 20 characters at most (TONGXIN_NOTICE_SUBSCRIBE_TITLE_FIELD). */
        @WithDefault("thing1")
        String titleField();

        /** The {@code thing} field that gets the start of the body (TONGXIN_NOTICE_SUBSCRIBE_SUMMARY_FIELD). */
        @WithDefault("thing2")
        String summaryField();

        /** The {@code time} field that gets the publication time (TONGXIN_NOTICE_SUBSCRIBE_TIME_FIELD). */
        @WithDefault("time3")
        String timeField();

        /** The mini-program page the message opens (TONGXIN_NOTICE_SUBSCRIBE_PAGE). */
        @WithDefault("pages/notices/index")
        String page();
    }

    /** Messages one group robot takes per rolling minute; WeCom allows 20 (TONGXIN_NOTICE_ROBOT_PER_MINUTE). */
    @WithDefault("20")
    int robotPerMinute();
}
