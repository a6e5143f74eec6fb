package org.tongxin.notice;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.tongxin.privacy.AuditKind;
import org.tongxin.privacy.DataSubject;
import org.tongxin.privacy.PersonalCopy;
import org.tongxin.privacy.PersonalData;

/**
 * Notices (docs/privacy.md). A person's acceptances of subscribe messages: the copy counts them per
 * template, the erasure drops them and their counts (nothing is sent to an erased account: it has
 * no openid any more). A stand-down closes the scope's group chats and removes their robots'
 * webhook keys: the chats stay by name, nothing is posted to them (a new key opens one again).
 */
@ApplicationScoped
class NoticePersonalData implements PersonalData {

    private final ConsentRepository consents;
    private final GroupChatRepository chats;
    private final Clock clock;

    NoticePersonalData(ConsentRepository consents, GroupChatRepository chats, Clock clock) {
        this.consents = consents;
        this.chats = chats;
        this.clock = clock;
    }

    @Override
    public void export(DataSubject who, PersonalCopy copy) {
        copy.put("subscriptions", consents.copiesOf(who.userId()));
    }

    @Override
    public void erase(DataSubject who) {
        consents.dropAll(who.userId());
    }

    @Override
    public List<Step> purgeSteps() {
        return List.of(new Step("GROUP_CHATS", AuditKind.WEBHOOK_KEY, chats::openIn,
                (scope, limit) -> chats.close(scope, limit, OffsetDateTime.now(clock))));
    }
}
