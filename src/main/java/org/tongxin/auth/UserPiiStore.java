package org.tongxin.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.tongxin.common.PiiCipher;
import org.tongxin.common.PiiStore;

/** Re-seals people's openid, unionid and phone number under the current PII key, a batch at a time. */
@ApplicationScoped
public class UserPiiStore implements PiiStore {

    private final UserRepository users;
    private final PiiCipher pii;

    UserPiiStore(UserRepository users, PiiCipher pii) {
        this.users = users;
        this.pii = pii;
    }

    @Override
    @Transactional
    public int reseal(int batch) {
        List<UserAccount> stale = users.sealedUnderOtherKeys(pii.currentHeader(), batch);
        stale.forEach(u -> u.reseal(pii));
        return stale.size();
    }
}
