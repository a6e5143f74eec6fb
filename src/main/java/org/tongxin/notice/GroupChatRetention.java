package org.tongxin.notice;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.tongxin.privacy.AuditKind;
import org.tongxin.privacy.PurgeScope;
import org.tongxin.privacy.Retention;

/**
 * Group chats (docs/privacy.md, stand-down): the purge closes the scope's group chats and removes
 * their robots' webhook keys; the chats stay by name, and notices are no longer posted to them
 * (a new key opens one again).
 */
@ApplicationScoped
class GroupChatRetention implements Retention {

    private final GroupChatRepository chats;
    private final Clock clock;

    GroupChatRetention(GroupChatRepository chats, Clock clock) {
        this.chats = chats;
        this.clock = clock;
    }

    @Override
    public List<Step> purgeSteps() {
        return List.of(new Step("GROUP_CHATS", AuditKind.WEBHOOK_KEY, chats::openIn,
                (scope, limit) -> chats.close(scope, limit, OffsetDateTime.now(clock))));
    }

    @Override
    public List<Kept> kept(PurgeScope scope) {
        return List.of();
    }
}
