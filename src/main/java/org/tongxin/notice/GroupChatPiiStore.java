package org.tongxin.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.tongxin.common.PiiCipher;
import org.tongxin.common.PiiStore;

/** Robots' webhook keys are sealed with the personal-data key, so a key rotation re-seals them too. */
@ApplicationScoped
public class GroupChatPiiStore implements PiiStore {

    private final GroupChatRepository chats;
    private final PiiCipher pii;

    GroupChatPiiStore(GroupChatRepository chats, PiiCipher pii) {
        this.chats = chats;
        this.pii = pii;
    }

    @Override
    @Transactional
    public int reseal(int batch) {
        List<GroupChat> stale = chats.notSealedUnderCurrentKey(pii.currentHeader(), batch);
        stale.forEach(g -> g.replaceKey(pii.encrypt(pii.decrypt(g.getWebhookKeyEnc())), g.getKeyHint()));
        return stale.size();
    }
}
